"""The demo agency's about pages, in Vietnamese and English, written for Loa.

People's names, phone numbers and e-mail addresses are made up (like the rest of
loa/core/demo/site.py); the units are those a city People's Committee usually
has. The functions and duties paraphrase, in our own words, what the Law on the
Organisation of Local Government (2015, amended 2019) gives a provincial city's
People's Committee.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Leader:
    name: str
    position: str
    position_en: str
    phone: str = ""
    email: str = ""


@dataclass(frozen=True)
class Unit:
    name: str
    name_en: str
    description: str = ""
    description_en: str = ""
    phone: str = ""
    email: str = ""
    leaders: tuple[Leader, ...] = ()
    units: tuple[Unit, ...] = field(default=())


ABOUT_EN = {
    "title": "About",
    "slug": "about",
    "intro": (
        "Hung Yen City is the political, economic and cultural centre of Hung Yen Province, on the northern bank "
        "of the Red River, about 60 km south-east of Hanoi. It is known for the historic trading port of Pho Hien "
        "and for its longan fruit."
    ),
}

ORGANISATION = {
    "title": "Cơ cấu tổ chức",
    "intro": (
        "Lãnh đạo Ủy ban nhân dân thành phố, các cơ quan chuyên môn và đơn vị sự nghiệp trực thuộc, với số điện "
        "thoại và thư điện tử để người dân, doanh nghiệp liên hệ công việc."
    ),
    "title_en": "Organisation chart",
    "slug_en": "organisation-chart",
    "intro_en": (
        "The leaders of the City People's Committee, its specialised departments and public service units, with "
        "the phone numbers and e-mail addresses citizens and businesses can use."
    ),
}

UNITS: tuple[Unit, ...] = (
    Unit(
        "Lãnh đạo Ủy ban nhân dân thành phố",
        "Leadership of the City People's Committee",
        "Chủ tịch và các Phó Chủ tịch Ủy ban nhân dân thành phố nhiệm kỳ 2021 – 2026.",
        "The Chairman and Vice Chairpersons of the City People's Committee, 2021 – 2026 term.",
        leaders=(
            Leader(
                "Trần Quốc Hưng",
                "Chủ tịch Ủy ban nhân dân thành phố",
                "Chairman of the City People's Committee",
                "0221 3 862 001",
                "chutich@tphungyen.example",
            ),
            Leader(
                "Nguyễn Thị Thanh Hà",
                "Phó Chủ tịch Thường trực Ủy ban nhân dân thành phố",
                "Standing Vice Chairwoman of the City People's Committee",
                "0221 3 862 002",
                "thanhha@tphungyen.example",
            ),
            Leader(
                "Lê Minh Đức",
                "Phó Chủ tịch Ủy ban nhân dân thành phố",
                "Vice Chairman of the City People's Committee",
                "0221 3 862 003",
                "minhduc@tphungyen.example",
            ),
            Leader(
                "Phạm Văn Khải",
                "Phó Chủ tịch Ủy ban nhân dân thành phố",
                "Vice Chairman of the City People's Committee",
                "0221 3 862 004",
                "vankhai@tphungyen.example",
            ),
        ),
    ),
    Unit(
        "Các cơ quan chuyên môn",
        "Specialised departments",
        "Tham mưu, giúp Ủy ban nhân dân thành phố quản lý nhà nước về ngành, lĩnh vực trên địa bàn.",
        "They advise and assist the City People's Committee in the state management of each field.",
        units=(
            Unit(
                "Văn phòng HĐND và UBND thành phố",
                "Office of the City People's Council and People's Committee",
                "Tham mưu tổng hợp, phục vụ hoạt động của Hội đồng nhân dân, Ủy ban nhân dân thành phố; "
                "quản lý Cổng thông tin điện tử.",
                "General advice and support to the People's Council and People's Committee; runs this portal.",
                "0221 3 862 345",
                "vanphong@tphungyen.example",
                (
                    Leader(
                        "Nguyễn Văn Thành",
                        "Chánh Văn phòng",
                        "Chief of Office",
                        "0221 3 862 010",
                        "vanthanh@tphungyen.example",
                    ),
                    Leader("Đỗ Thị Lan", "Phó Chánh Văn phòng", "Deputy Chief of Office", "0221 3 862 011"),
                ),
            ),
            Unit(
                "Phòng Nội vụ",
                "Home Affairs Division",
                "Tổ chức bộ máy, biên chế, cán bộ, công chức, thi đua – khen thưởng, tôn giáo, văn thư – lưu trữ.",
                "Organisation, staffing, civil servants, emulation and awards, religion, records.",
                "0221 3 862 020",
                "noivu@tphungyen.example",
                (Leader("Vũ Thị Hồng", "Trưởng phòng", "Head of Division", "0221 3 862 021"),),
            ),
            Unit(
                "Phòng Tư pháp",
                "Justice Division",
                "Xây dựng và kiểm tra văn bản, phổ biến pháp luật, hộ tịch, chứng thực, hòa giải ở cơ sở.",
                "Legal documents, legal education, civil status, certification, grassroots mediation.",
                "0221 3 862 030",
                "tuphap@tphungyen.example",
                (Leader("Hoàng Văn Nam", "Trưởng phòng", "Head of Division", "0221 3 862 031"),),
            ),
            Unit(
                "Phòng Tài chính – Kế hoạch",
                "Finance and Planning Division",
                "Ngân sách, tài sản công, kế hoạch và đầu tư, đăng ký hộ kinh doanh.",
                "Budget, public assets, planning and investment, household business registration.",
                "0221 3 862 040",
                "taichinh@tphungyen.example",
                (Leader("Bùi Thị Mai", "Trưởng phòng", "Head of Division", "0221 3 862 041"),),
            ),
            Unit(
                "Phòng Quản lý đô thị",
                "Urban Management Division",
                "Quy hoạch, kiến trúc, xây dựng, giao thông, hạ tầng kỹ thuật đô thị.",
                "Urban planning, architecture, construction, transport and infrastructure.",
                "0221 3 862 050",
                "quanlydothi@tphungyen.example",
                (Leader("Đặng Văn Toàn", "Trưởng phòng", "Head of Division", "0221 3 862 051"),),
            ),
            Unit(
                "Phòng Tài nguyên và Môi trường",
                "Natural Resources and Environment Division",
                "Đất đai, tài nguyên nước, khoáng sản, bảo vệ môi trường.",
                "Land, water resources, minerals, environmental protection.",
                "0221 3 862 060",
                "tainguyen@tphungyen.example",
                (Leader("Trịnh Văn Long", "Trưởng phòng", "Head of Division", "0221 3 862 061"),),
            ),
            Unit(
                "Phòng Kinh tế",
                "Economic Division",
                "Công nghiệp, thương mại, nông nghiệp, khoa học và công nghệ.",
                "Industry, trade, agriculture, science and technology.",
                "0221 3 862 070",
                "kinhte@tphungyen.example",
                (Leader("Ngô Thị Hạnh", "Trưởng phòng", "Head of Division", "0221 3 862 071"),),
            ),
            Unit(
                "Phòng Văn hóa và Thông tin",
                "Culture and Information Division",
                "Văn hóa, gia đình, thể dục thể thao, du lịch, thông tin và truyền thông.",
                "Culture, family, sport, tourism, information and communications.",
                "0221 3 862 080",
                "vanhoa@tphungyen.example",
                (Leader("Lương Thị Thu", "Trưởng phòng", "Head of Division", "0221 3 862 081"),),
            ),
            Unit(
                "Phòng Giáo dục và Đào tạo",
                "Education and Training Division",
                "Giáo dục mầm non, tiểu học, trung học cơ sở trên địa bàn.",
                "Pre-school, primary and lower secondary education.",
                "0221 3 862 090",
                "giaoduc@tphungyen.example",
                (Leader("Phan Đức Hiếu", "Trưởng phòng", "Head of Division", "0221 3 862 091"),),
            ),
            Unit(
                "Phòng Lao động – Thương binh và Xã hội",
                "Labour, Invalids and Social Affairs Division",
                "Lao động, việc làm, người có công, bảo trợ xã hội, trẻ em.",
                "Labour, employment, people with meritorious services, social protection, children.",
                "0221 3 862 100",
                "laodong@tphungyen.example",
                (Leader("Cao Thị Ngân", "Trưởng phòng", "Head of Division", "0221 3 862 101"),),
            ),
            Unit(
                "Thanh tra thành phố",
                "City Inspectorate",
                "Thanh tra, tiếp công dân, giải quyết khiếu nại, tố cáo, phòng, chống tham nhũng.",
                "Inspection, receiving citizens, complaints and denunciations, anti-corruption.",
                "0221 3 862 110",
                "thanhtra@tphungyen.example",
                (Leader("Đinh Quang Huy", "Chánh Thanh tra", "Chief Inspector", "0221 3 862 111"),),
            ),
        ),
    ),
    Unit(
        "Đơn vị sự nghiệp",
        "Public service units",
        units=(
            Unit(
                "Trung tâm Văn hóa và Truyền thanh thành phố",
                "City Culture and Broadcasting Centre",
                "Tổ chức hoạt động văn hóa, văn nghệ; vận hành hệ thống truyền thanh cơ sở; biên tập tin, bài.",
                "Cultural events, the ward loudspeaker network, news for this portal.",
                "0221 3 862 120",
                "truyenthanh@tphungyen.example",
                (Leader("Tạ Minh Tuấn", "Giám đốc", "Director", "0221 3 862 121"),),
            ),
            Unit(
                "Ban Quản lý dự án đầu tư xây dựng thành phố",
                "City Construction Investment Project Management Board",
                "Quản lý các dự án đầu tư xây dựng sử dụng vốn ngân sách thành phố.",
                "Manages the construction projects funded by the city budget.",
                "0221 3 862 130",
                "banqlda@tphungyen.example",
                (Leader("Lại Văn Sơn", "Giám đốc", "Director", "0221 3 862 131"),),
            ),
        ),
    ),
)

FUNCTIONS = {
    "title": "Chức năng, nhiệm vụ",
    "intro": "Chức năng, nhiệm vụ và quyền hạn của Ủy ban nhân dân thành phố Hưng Yên theo quy định của pháp luật.",
    "functions": (
        "Ủy ban nhân dân thành phố do Hội đồng nhân dân thành phố bầu ra, là cơ quan chấp hành của Hội đồng nhân "
        "dân thành phố và là cơ quan hành chính nhà nước ở địa phương; chịu trách nhiệm trước Nhân dân thành phố, "
        "Hội đồng nhân dân thành phố và Ủy ban nhân dân tỉnh.\n\n"
        "Ủy ban nhân dân thành phố tổ chức thi hành Hiến pháp, pháp luật, văn bản của cơ quan nhà nước cấp trên và "
        "nghị quyết của Hội đồng nhân dân thành phố; thống nhất quản lý nhà nước về kinh tế, văn hóa, xã hội, quốc "
        "phòng, an ninh trên địa bàn."
    ),
    "duties": (
        (
            "Xây dựng chính quyền và cải cách hành chính",
            (
                "Chuẩn bị, trình Hội đồng nhân dân thành phố các nội dung thuộc thẩm quyền quyết định và tổ chức "
                "thực hiện nghị quyết của Hội đồng nhân dân thành phố.",
                "Quy định tổ chức bộ máy, nhiệm vụ, quyền hạn cụ thể của các cơ quan chuyên môn thuộc Ủy ban nhân "
                "dân thành phố; quản lý cán bộ, công chức, viên chức theo phân cấp.",
                "Chỉ đạo, kiểm tra hoạt động của Ủy ban nhân dân các phường, xã.",
                "Đẩy mạnh cải cách hành chính; giải quyết thủ tục hành chính cho người dân, doanh nghiệp theo cơ "
                "chế một cửa, một cửa liên thông và trên môi trường điện tử.",
            ),
        ),
        (
            "Kinh tế, ngân sách, quy hoạch và đô thị",
            (
                "Xây dựng kế hoạch phát triển kinh tế – xã hội hằng năm và 5 năm, trình Hội đồng nhân dân thành phố "
                "quyết định và tổ chức thực hiện.",
                "Lập dự toán, tổ chức thực hiện ngân sách thành phố; quản lý tài sản công theo phân cấp.",
                "Quản lý quy hoạch, xây dựng, phát triển đô thị, giao thông và hạ tầng kỹ thuật trên địa bàn.",
                "Quản lý đất đai, tài nguyên; bảo vệ môi trường, phòng, chống thiên tai.",
            ),
        ),
        (
            "Văn hóa, xã hội",
            (
                "Quản lý giáo dục, y tế cơ sở, văn hóa, thể dục thể thao và du lịch; bảo tồn, phát huy giá trị quần "
                "thể di tích Phố Hiến.",
                "Thực hiện chính sách lao động, việc làm, giảm nghèo, an sinh xã hội và chăm sóc người có công.",
            ),
        ),
        (
            "Quốc phòng, an ninh, thanh tra",
            (
                "Tổ chức thực hiện nhiệm vụ quốc phòng, quân sự địa phương; bảo đảm an ninh, trật tự, an toàn xã "
                "hội trên địa bàn.",
                "Tiếp công dân; giải quyết khiếu nại, tố cáo, kiến nghị, phản ánh; phòng, chống tham nhũng, lãng phí.",
            ),
        ),
    ),
    "legal_basis": (
        "Luật Tổ chức chính quyền địa phương ngày 19/6/2015\n"
        "Luật sửa đổi, bổ sung một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền địa phương ngày "
        "22/11/2019\n"
        "Nghị định số 37/2014/NĐ-CP ngày 05/5/2014 và Nghị định số 108/2020/NĐ-CP ngày 14/9/2020 của Chính phủ quy "
        "định tổ chức các cơ quan chuyên môn thuộc Ủy ban nhân dân huyện, quận, thị xã, thành phố thuộc tỉnh"
    ),
}

HISTORY = {
    "title": "Lịch sử hình thành",
    "intro": "Từ thương cảng Phố Hiến đến thành phố tỉnh lỵ bên bờ sông Hồng.",
    "milestones": (
        (
            "Thế kỷ XVI – XVII",
            "Thương cảng Phố Hiến",
            "Phố Hiến là thương cảng sầm uất bậc nhất Đàng Ngoài, nơi thuyền buôn trong nước và nước ngoài neo đậu; "
            "câu ca “Thứ nhất Kinh Kỳ, thứ nhì Phố Hiến” còn truyền đến ngày nay.",
        ),
        ("1831", "Tỉnh lỵ Hưng Yên", "Tỉnh Hưng Yên được thành lập, lấy vùng đất này làm tỉnh lỵ."),
        (
            "1997",
            "Tái lập tỉnh Hưng Yên",
            "Tỉnh Hưng Yên được tái lập; thị xã Hưng Yên trở lại là trung tâm hành chính của tỉnh.",
        ),
        (
            "19/1/2009",
            "Thành lập thành phố Hưng Yên",
            "Chính phủ ban hành nghị định thành lập thành phố Hưng Yên trên cơ sở toàn bộ thị xã Hưng Yên.",
        ),
        (
            "2013",
            "Mở rộng địa giới hành chính",
            "Thành phố được mở rộng địa giới hành chính, gồm 7 phường và 10 xã.",
        ),
    ),
}

CONTACT = {
    "title": "Liên hệ",
    "intro": "Địa chỉ, điện thoại và giờ làm việc của Ủy ban nhân dân thành phố và các đầu mối tiếp nhận phản ánh.",
    "fax": "0221 3 862 346",
    "working_hours": (
        "Từ thứ Hai đến thứ Sáu (trừ ngày nghỉ lễ, Tết)\nSáng: 7 giờ 30 – 11 giờ 30\nChiều: 13 giờ 30 – 17 giờ 00"
    ),
    "latitude": "20.646400",
    "longitude": "106.051100",
    "points": (
        ("Bộ phận Một cửa thành phố", "0221 3 862 350", "motcua@tphungyen.example", "Tiếp nhận, trả kết quả hồ sơ."),
        ("Đường dây nóng Ủy ban nhân dân thành phố", "0221 3 862 222", "", "Phản ánh, kiến nghị 24/7."),
        ("Ban Tiếp công dân thành phố", "0221 3 862 360", "tiepcongdan@tphungyen.example", "Sáng thứ Năm hằng tuần."),
    ),
    "title_en": "Contact",
    "slug_en": "contact",
    "intro_en": "How to reach the People's Committee of Hung Yen City.",
    "working_hours_en": ("Monday to Friday (except public holidays)\nMorning: 7:30 – 11:30\nAfternoon: 13:30 – 17:00"),
    "points_en": (
        ("One-stop desk", "0221 3 862 350", "motcua@tphungyen.example", "Files received and results returned."),
        ("Hotline of the City People's Committee", "0221 3 862 222", "", "Reports and suggestions, 24/7."),
    ),
}

ENGLISH_AGENCY = {
    "parent_name": "Hung Yen Province",
    "name": "People's Committee of Hung Yen City",
    "address": "2 Bai Say Street, Quang Trung Ward, Hung Yen City, Hung Yen Province, Viet Nam",
    "responsible_person": (
        "Mr Nguyen Van Thanh, Chief of the Office of the City People's Council and People's Committee"
    ),
    "footer_note": "The content of this site is sample data demonstrating the Loa software.",
}

ENGLISH_HOME = {
    "title": "Home",
    "slug": "home-en",
    "intro": (
        "Welcome to the electronic information portal of Hung Yen City. These English pages present the city "
        "government, its organisation and how to contact it; news and services are published in Vietnamese."
    ),
}
