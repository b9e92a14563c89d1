"""The public list of documents: filters in the address bar, applied in the database.

Every filter is a plain GET parameter, so the form works without JavaScript, a
filtered list can be shared as a link, and the page links keep the filters.
"""

from __future__ import annotations

from django import forms
from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.db.models.functions import ExtractYear

from loa.search.text import fold, nfc

from . import status as document_status
from .models import DocumentType, IssuingBody, IssuingLevel, LegalDocumentPage, Sector, Signer

PER_PAGE = 10
MAX_QUERY_WORDS = 10
# How people write a date in Vietnam, then what an HTML date input sends.
DATE_INPUT_FORMATS = ("%d/%m/%Y", "%Y-%m-%d")

ORDERINGS = {
    "moi-nhat": ("-issued_on", "-number_sort", "-pk"),
    "cu-nhat": ("issued_on", "number_sort", "pk"),
    "so-ky-hieu": ("number_sort", "issued_on", "pk"),
}


class IssueDateField(forms.DateField):
    """A date typed as dd/mm/yyyy or sent by a date input; shown back in the date input's ISO form."""

    widget = forms.DateInput(attrs={"type": "date", "placeholder": "dd/mm/yyyy"}, format="%Y-%m-%d")

    def __init__(self, **kwargs) -> None:
        super().__init__(input_formats=DATE_INPUT_FORMATS, required=False, **kwargs)
        self.error_messages["invalid"] = (
            "Ngày không hợp lệ, bộ lọc này đã được bỏ qua. Hãy nhập ngày theo dạng ngày/tháng/năm, ví dụ 26/07/2024."
        )

    def bound_data(self, data, initial):
        """Turn "26/07/2024" into a date, so the date input (which only reads yyyy-mm-dd) shows it."""
        try:
            return self.to_python(data) or data
        except forms.ValidationError:
            return data


class DocumentFilterForm(forms.Form):
    """Field names are the URL's parameters (Vietnamese without diacritics, as portals write them).

    Labels and choices are Vietnamese here rather than gettext: this form exists only on the
    public page, and public pages are written in Vietnamese whatever the admin's language.
    """

    q = forms.CharField(label="Số ký hiệu, trích yếu", required=False, max_length=200, strip=True)
    loai = forms.ModelChoiceField(DocumentType.objects.all(), label="Loại văn bản", required=False)
    co_quan = forms.ModelChoiceField(IssuingBody.objects.all(), label="Cơ quan ban hành", required=False)
    cap = forms.ModelChoiceField(IssuingLevel.objects.all(), label="Cấp ban hành", required=False)
    linh_vuc = forms.ModelChoiceField(Sector.objects.all(), label="Lĩnh vực", required=False)
    nguoi_ky = forms.ModelChoiceField(Signer.objects.all(), label="Người ký", required=False)
    tinh_trang = forms.ChoiceField(
        label="Tình trạng hiệu lực",
        required=False,
        choices=[("", "Tất cả"), *document_status.PUBLIC_LABELS.items()],
    )
    nam = forms.TypedChoiceField(label="Năm ban hành", required=False, coerce=int, empty_value=None)
    tu_ngay = IssueDateField(label="Ban hành từ ngày")
    den_ngay = IssueDateField(label="Đến ngày")
    sap_xep = forms.ChoiceField(
        label="Sắp xếp",
        required=False,
        choices=[("moi-nhat", "Mới ban hành nhất"), ("cu-nhat", "Cũ nhất"), ("so-ky-hieu", "Số ký hiệu")],
    )

    def __init__(self, *args, years: list[int], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["nam"].choices = [("", "Tất cả"), *((year, str(year)) for year in years)]
        for name in ("loai", "co_quan", "cap", "linh_vuc", "nguoi_ky"):
            self.fields[name].empty_label = "Tất cả"
        for field in self.fields.values():
            field.error_messages["invalid_choice"] = "Lựa chọn không hợp lệ, bộ lọc này đã được bỏ qua."
        self.fields["q"].error_messages["max_length"] = "Từ khóa quá dài (tối đa 200 ký tự)."

    def clean(self) -> dict:
        """A range that ends before it starts is dropped whole: either bound alone would mislead."""
        data = super().clean()
        start, end = data.get("tu_ngay"), data.get("den_ngay")
        if start and end and start > end:
            self.add_error(
                "den_ngay",
                f"Ngày kết thúc ({end:%d/%m/%Y}) trước ngày bắt đầu ({start:%d/%m/%Y}), "
                "khoảng ngày ban hành này đã được bỏ qua.",
            )
            data.pop("tu_ngay", None)
        return data

    def valid_data(self) -> dict:
        """The filters that make sense; a stale or mistyped parameter is ignored, not fatal."""
        self.is_valid()
        return getattr(self, "cleaned_data", {})


def documents_under(index_page) -> QuerySet:
    return (
        LegalDocumentPage.objects.live()
        .public()
        .child_of(index_page)
        .select_related("document_type", "issuing_body", "issuing_level", "sector", "signer")
    )


def issue_years(documents: QuerySet) -> list[int]:
    years = documents.annotate(year=ExtractYear("issued_on")).values_list("year", flat=True)
    return sorted(set(years.order_by()), reverse=True)


def filter_documents(documents: QuerySet, data: dict) -> QuerySet:
    """Apply the reader's filters; every condition is SQL, so only one page of rows is read."""
    for name, field in (
        ("loai", "document_type"),
        ("co_quan", "issuing_body"),
        ("cap", "issuing_level"),
        ("linh_vuc", "sector"),
        ("nguoi_ky", "signer"),
    ):
        if data.get(name) is not None:
            documents = documents.filter(**{field: data[name]})
    if data.get("nam"):
        documents = documents.filter(issued_on__year=data["nam"])
    if data.get("tu_ngay"):
        documents = documents.filter(issued_on__gte=data["tu_ngay"])
    if data.get("den_ngay"):
        documents = documents.filter(issued_on__lte=data["den_ngay"])
    if data.get("tinh_trang"):
        documents = documents.annotate(starts_on=document_status.effective_start()).filter(
            document_status.status_condition(data["tinh_trang"], document_status.today())
        )
    for word in fold(nfc(data.get("q") or "")).split()[:MAX_QUERY_WORDS]:
        # Both sides are folded lower case, so "qd-ubnd" finds "QĐ-UBND", "quyet dinh" "Quyết định".
        documents = documents.filter(folded_text__contains=word)
    return documents.order_by(*ORDERINGS.get(data.get("sap_xep") or "moi-nhat", ORDERINGS["moi-nhat"]))


def listing_context(index_page, request) -> dict:
    documents = documents_under(index_page)
    form = DocumentFilterForm(request.GET or None, years=issue_years(documents))
    data = form.valid_data() if form.is_bound else {}
    results = filter_documents(documents, data)
    paginator = Paginator(results, PER_PAGE)
    page_obj = paginator.get_page(request.GET.get("trang"))  # a bad number: the first page; too far: the last
    params = request.GET.copy()
    params.pop("trang", None)
    for key in [key for key, value in params.items() if not value]:
        del params[key]
    today = document_status.today()
    return {
        "form": form,
        "page_obj": page_obj,
        "documents": [(document, _status_label(document, today)) for document in page_obj],
        "result_count": paginator.count,
        "page_range": list(paginator.get_elided_page_range(page_obj.number, on_each_side=2, on_ends=1)),
        "ellipsis": paginator.ELLIPSIS,
        "filtered": bool(params),
        "query_string": params.urlencode(),
    }


def _status_label(document: LegalDocumentPage, today) -> tuple[str, str]:
    value = document_status.status_of(document.issued_on, document.effective_from, document.effective_until, today)
    return value.value, document_status.PUBLIC_LABELS[value]
