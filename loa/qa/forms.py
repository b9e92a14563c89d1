"""The public forms: asking a question, and following it by its reference code."""

from __future__ import annotations

from django import forms
from django.core.validators import EmailValidator
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from loa.core.forms import TypedTextField

from . import attachments, spam
from .contact import normalise_email, normalise_phone
from .models import Question, Topic, normalise_code

MESSAGES = {
    "required": _("Please fill in this field."),
    "max_length": _("Please keep it to %(limit_value)d characters (it has %(show_value)d)."),
    "min_length": _("Please write at least %(limit_value)d characters (it has %(show_value)d)."),
}


class CleanText(TypedTextField):
    """Text in NFC with runs of spaces kept as typed but the ends trimmed, without invisible characters.

    A NUL or a zero-width space pasted in is dropped (loa.core.forms) before the length
    checks, rather than refused with a message about a character the asker cannot see.
    """


def text_field(max_length: int, min_length: int | None = None, required: bool = True, **kwargs) -> CleanText:
    return CleanText(max_length=max_length, min_length=min_length, required=required, error_messages=MESSAGES, **kwargs)


class AskForm(forms.Form):
    """Name, a way to reach the asker, topic, title, question, an optional file and the spam checks.

    Labels and help are written in the template (public pages are Vietnamese); the
    error messages come from here, through gettext.
    """

    name = text_field(120, min_length=2)
    show_initials = forms.BooleanField(required=False)
    email = CleanText(required=False, max_length=254, error_messages=MESSAGES)
    phone = CleanText(required=False, max_length=30, error_messages=MESSAGES)
    topic = forms.ModelChoiceField(
        queryset=Topic.objects.filter(active=True),
        error_messages={"required": _("Please choose a topic."), "invalid_choice": _("Please choose a topic.")},
    )
    title = text_field(200, min_length=5)
    text = text_field(5000, min_length=20, widget=forms.Textarea)
    attachment = forms.FileField(required=False, error_messages={"empty": _("The attached file is empty.")})
    # Spam checks: a field people never see, the signed token with the question, its answer.
    website = CleanText(required=False)
    token = CleanText(required=False, widget=forms.HiddenInput)
    captcha = CleanText(required=False, max_length=40)

    def __init__(self, *args, max_bytes: int, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.max_bytes = max_bytes
        self.verdict: spam.Verdict | None = None
        self.attachment_kind: str | None = None

    def clean_email(self) -> str:
        email = normalise_email(self.cleaned_data.get("email", ""))
        if email:
            try:
                EmailValidator()(email)
            except forms.ValidationError:
                raise forms.ValidationError(
                    _("This email address is not valid, e.g. nguyenvana@gmail.com."), code="invalid"
                ) from None
        return email

    def clean_phone(self) -> str:
        raw = self.cleaned_data.get("phone", "").strip()
        if not raw:
            return ""
        phone = normalise_phone(raw)
        if phone is None:
            raise forms.ValidationError(
                _(
                    "This is not a Vietnamese phone number: 10 digits for a mobile (e.g. 0912 345 678), "
                    "11 for a landline."
                ),
                code="invalid",
            )
        return phone

    def clean_attachment(self):
        uploaded = self.cleaned_data.get("attachment")
        if not uploaded:
            return None
        if uploaded.size > self.max_bytes:
            raise forms.ValidationError(
                _("The file is too large (%(size)s): at most %(limit)s."),
                code="too_large",
                params={"size": filesizeformat(uploaded.size), "limit": filesizeformat(self.max_bytes)},
            )
        claimed = attachments.extension_kind(uploaded.name)
        actual = attachments.sniff(uploaded)
        if claimed is None or actual != claimed:
            raise forms.ValidationError(
                _("Only a PDF file or a JPG or PNG photo can be attached, and this file is not one."),
                code="wrong_type",
            )
        self.attachment_kind = actual
        return uploaded

    def clean(self):
        data = super().clean()
        if data.get("website"):
            # Hidden from people (and from screen readers), so only a robot fills it in.
            self.add_error(None, forms.ValidationError(_("Your question could not be sent."), code="honeypot"))
        contact_checked = not self.errors.get("email") and not self.errors.get("phone")
        if contact_checked and not data.get("email") and not data.get("phone"):
            self.add_error("email", _("Please give an email address or a phone number (at least one)."))
        self.verdict = spam.check(data.get("token", ""), data.get("captcha", ""))
        message = {
            spam.Verdict.WRONG: _("That is not the right answer: please try this new question."),
            spam.Verdict.TOO_FAST: _("The form was sent too quickly. Please check your question and send it again."),
            spam.Verdict.EXPIRED: _(
                "The form was open for too long. Please answer the new question below and send it again."
            ),
            spam.Verdict.INVALID: _("Please answer the question below and send the form again."),
        }.get(self.verdict)
        if message:
            self.add_error("captcha", message)
        return data

    @property
    def file_to_choose_again(self) -> bool:
        """A file was sent with a form that came back: browsers cannot keep it, so say so."""
        return bool(self.is_bound and self.files.get("attachment") and self.errors)

    def question(self) -> Question:
        """The unsaved question (the view saves it in a transaction)."""
        data = self.cleaned_data
        return Question(
            asker_name=data["name"],
            show_initials=data["show_initials"],
            email=data["email"],
            phone=data["phone"],
            topic=data["topic"],
            title=data["title"],
            text=data["text"],
        )


class FollowForm(forms.Form):
    """A reference code and the email or phone given with the question."""

    code = CleanText(max_length=30, error_messages=MESSAGES)
    contact = CleanText(max_length=254, error_messages=MESSAGES)

    def clean_code(self) -> str:
        return normalise_code(self.cleaned_data["code"])

    def find(self) -> Question | None:
        """The question only if the contact matches the one it was sent with (no hint which part was wrong)."""
        code, contact = self.cleaned_data["code"], self.cleaned_data["contact"].strip()
        question = Question.objects.select_related("topic", "unit", "page").filter(code=code).first()
        if question is None:
            return None
        email = normalise_email(contact)
        phone = normalise_phone(contact)
        if question.email and email == question.email:
            return question
        if question.phone and phone and phone == question.phone:
            return question
        return None
