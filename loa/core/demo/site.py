"""Who publishes the demo portal, its menu, widgets, authors and video clips.

The agency is a believable city government, not a real one: names of people,
phone numbers, the address and the licence line are made up. Place names,
coordinates and the city's geography and history are real. (Vietnam dissolved
its district-level units, this city government among them, on 1 July 2025; the
demo keeps the city as it was, which suits a portal of any local agency.)
"""

from __future__ import annotations

from .schema import Author, Banner, Clip, Photo, Place, Section, StandardPageContent, Table

AGENCY = {
    "parent_name": "Tỉnh Hưng Yên",
    "name": "Ủy ban nhân dân thành phố Hưng Yên",
    "address": "Số 2 đường Bãi Sậy, phường Quang Trung, thành phố Hưng Yên, tỉnh Hưng Yên",
    "phone": "0221 3 862 345",
    "email": "vanphong@tphungyen.example",
    "responsible_person": "Ông Nguyễn Văn Thành – Chánh Văn phòng HĐND và UBND thành phố",
    "licence": "Giấy phép số 18/GP-TTĐT do Sở Thông tin và Truyền thông tỉnh Hưng Yên cấp ngày 15/6/2021",
    "about_footer": "Dữ liệu trên trang là nội dung mẫu để trình diễn phần mềm Loa.",
}
EMBLEM_TITLE = "Biểu trưng Ủy ban nhân dân thành phố"

VISIT_OFFSET = 4_238_431
MOST_READ_WINDOW = 7

BANNERS = (
    Banner(
        text="10/10 — Ngày Chuyển đổi số quốc gia: mỗi người dân có tài khoản định danh điện tử",
        starts_in_days=-30,
        ends_in_days=60,
        sort_order=0,
    ),
    Banner(
        text="Chung tay xây dựng thành phố văn minh, sạch đẹp — nói không với rác thải nhựa dùng một lần",
        starts_in_days=-10,
        ends_in_days=90,
        sort_order=1,
    ),
    Banner(
        text="Hưởng ứng Tháng hành động vì an toàn thực phẩm",
        starts_in_days=-120,
        ends_in_days=-60,
        sort_order=2,
    ),
)

# Real places of the province, with their coordinates, for the weather box.
WEATHER_PLACES = (
    Place("TP Hưng Yên", "20.64640", "106.05110", 0),
    Place("Văn Giang", "20.93333", "105.93333", 1),
    Place("Mỹ Hào", "20.93170", "106.08670", 2),
)

AUTHORS = {
    "Hoàng Anh": Author("Hoàng Anh", "Trung tâm Văn hóa và Truyền thanh thành phố"),
    "Minh Thu": Author("Minh Thu", "Trung tâm Văn hóa và Truyền thanh thành phố"),
    "Đức Mạnh": Author("Đức Mạnh", "Trung tâm Văn hóa và Truyền thanh thành phố"),
    "Thu Hằng": Author("Thu Hằng", "Hội Liên hiệp Phụ nữ tỉnh"),
    "Bích Ngọc": Author("Bích Ngọc", "Hội Liên hiệp Phụ nữ thành phố"),
    "Quang Vinh": Author("Quang Vinh", "Phòng Văn hóa và Thông tin thành phố"),
    "Thanh Hương": Author("Thanh Hương", "Phòng Giáo dục và Đào tạo thành phố"),
    "Ngọc Lan": Author("Ngọc Lan", "Trung tâm Y tế thành phố"),
    "Văn Tùng": Author("Văn Tùng", "Phòng Kinh tế thành phố"),
}

# Sections by slug, in menu order; a sub-section names its parent's slug.
SECTIONS = {
    "thoi-su-chinh-tri": Section(
        "Thời sự – Chính trị",
        "Hoạt động của Đảng bộ, chính quyền, Mặt trận và các đoàn thể thành phố; tin tức thời sự trong ngày.",
    ),
    "kinh-te": Section(
        "Kinh tế",
        "Sản xuất nông nghiệp, công nghiệp, thương mại, dịch vụ, đầu tư và xây dựng hạ tầng của thành phố.",
    ),
    "van-hoa-xa-hoi": Section(
        "Văn hóa – Xã hội",
        "Đời sống văn hóa, di tích, lễ hội, thể thao, giáo dục, y tế và an sinh xã hội.",
    ),
    "giao-duc": Section(
        "Giáo dục",
        "Tin tức về trường lớp, thầy cô, học sinh và công tác khuyến học trên địa bàn thành phố.",
        parent="van-hoa-xa-hoi",
    ),
    "y-te": Section(
        "Y tế",
        "Chăm sóc sức khỏe nhân dân, phòng chống dịch bệnh và hoạt động của các cơ sở y tế.",
        parent="van-hoa-xa-hoi",
    ),
    "phu-nu-gia-dinh": Section(
        "Phụ nữ – Gia đình",
        "Hoạt động của Hội Liên hiệp Phụ nữ các cấp, bình đẳng giới, chăm sóc trẻ em và xây dựng gia đình hạnh phúc.",
    ),
    "chuyen-doi-so": Section(
        "Chuyển đổi số",
        "Chính quyền số, kinh tế số, xã hội số: dịch vụ công trực tuyến và những tiện ích số cho người dân.",
    ),
}

ABOUT = StandardPageContent(
    title="Giới thiệu",
    intro=(
        "Thành phố Hưng Yên là trung tâm chính trị, kinh tế, văn hóa của tỉnh Hưng Yên, vùng đất gắn với "
        "thương cảng Phố Hiến một thời sầm uất và đặc sản nhãn lồng nổi tiếng."
    ),
    body=(
        "<h2>Vị trí địa lý</h2>",
        "Thành phố nằm ở phía nam tỉnh Hưng Yên, trên bờ bắc sông Hồng, cách trung tâm Thủ đô Hà Nội khoảng "
        "60 km. Phía bắc thành phố giáp huyện Kim Động; phía đông giáp huyện Tiên Lữ và huyện Hưng Hà (tỉnh Thái "
        "Bình); phía tây và phía nam, bên kia sông Hồng, là thị xã Duy Tiên và huyện Lý Nhân (tỉnh Hà Nam).",
        "Quốc lộ 38 cùng cầu Yên Lệnh nối thành phố với Quốc lộ 1 và đường cao tốc Hà Nội – Ninh Bình; hai xã Hùng "
        "Cường, Phú Cường nằm trên vùng bãi bồi ven sông, nơi người dân quanh năm trồng nhãn, chuối và rau màu.",
        Photo("river", "Sông Hồng đoạn chảy qua thành phố Hưng Yên.", credit="Trung tâm Văn hóa và Truyền thanh"),
        "<h2>Diện tích, dân số và đơn vị hành chính</h2>",
        "Thành phố có diện tích tự nhiên khoảng 73,9 km², dân số gần 120 nghìn người. Sau khi được mở rộng địa "
        "giới hành chính năm 2013, thành phố gồm 7 phường và 10 xã.",
        Table(
            rows=(
                ("Loại đơn vị", "Tên đơn vị"),
                ("Phường (7)", "Lê Lợi, Quang Trung, Minh Khai, Lam Sơn, Hiến Nam, An Tảo, Hồng Châu"),
                (
                    "Xã (10)",
                    "Bảo Khê, Trung Nghĩa, Liên Phương, Hồng Nam, Quảng Châu, Tân Hưng, Hoàng Hanh, "
                    "Phương Chiểu, Hùng Cường, Phú Cường",
                ),
            ),
            caption="Các đơn vị hành chính cấp xã của thành phố",
        ),
        "<h2>Lịch sử hình thành</h2>",
        "Vào thế kỷ XVI – XVII, Phố Hiến là thương cảng sầm uất bậc nhất Đàng Ngoài, nơi thuyền buôn trong nước và "
        "nước ngoài neo đậu, buôn bán. Câu ca “Thứ nhất Kinh Kỳ, thứ nhì Phố Hiến” còn truyền đến ngày nay như một "
        "lời nhắc về thời thịnh vượng ấy.",
        "Năm 1831, tỉnh Hưng Yên được thành lập và lấy vùng đất này làm tỉnh lỵ. Trải qua nhiều lần thay đổi địa "
        "giới, năm 1997 tỉnh Hưng Yên được tái lập, thị xã Hưng Yên trở lại là trung tâm hành chính của tỉnh. Ngày "
        "19/1/2009, Chính phủ ban hành nghị định thành lập thành phố Hưng Yên trên cơ sở toàn bộ thị xã.",
        "<h2>Di tích và đặc sản</h2>",
        "Quần thể di tích Phố Hiến với Văn Miếu Xích Đằng, chùa Chuông, đền Mẫu, đền Trần, chùa Hiến, Võ Miếu… là "
        "điểm đến của du khách gần xa. Hồ Bán Nguyệt, hồ An Vũ giữa lòng thành phố tạo nên không gian xanh cho đô "
        "thị.",
        "Nhãn lồng Hưng Yên, xưa từng là sản vật tiến vua, nay đã có chỉ dẫn địa lý và được tiêu thụ ở nhiều thị "
        "trường trong và ngoài nước. Mỗi độ tháng Bảy, tháng Tám, các vườn nhãn ven sông Hồng vào mùa thu hoạch.",
        Photo("festival", "Lễ hội văn hóa dân gian Phố Hiến.", label="Lễ hội Phố Hiến", credit="Quang Vinh"),
    ),
)

SITEMAP_INTRO = "Danh sách các trang và chuyên mục của Cổng thông tin điện tử thành phố, theo thứ tự trên trình đơn."

VIDEO_INDEX = {
    "title": "Video",
    "intro": "Phóng sự, bản tin và hình ảnh về thành phố do Trung tâm Văn hóa và Truyền thanh thực hiện.",
}

CLIPS = (
    Clip(
        title="Bình minh trên sông Hồng",
        description=(
            "Những phút đầu ngày trên sông Hồng đoạn chảy qua thành phố: mặt trời lên sau rặng cây bờ bãi, "
            "thuyền đánh cá trở về bến."
        ),
        file="binh-minh-tren-song.mp4",
        poster_scene="river",
        days_ago=3,
        time="17:30",
        captions="binh-minh-tren-song.vtt",
    ),
    Clip(
        title="Gió trên cánh đồng lúa ngoại thành",
        description=(
            "Cánh đồng lúa các xã ven đô đang thì con gái. Nhờ làm đất, tưới tiêu bằng máy, bà con nông dân "
            "giảm được nhiều công lao động."
        ),
        file="lua-ngoai-thanh.mp4",
        poster_scene="fields",
        days_ago=11,
        time="19:05",
    ),
    Clip(
        title="Thành phố lên đèn",
        description=(
            "Phố phường lúc chiều tối, khi hệ thống chiếu sáng đô thị được điều khiển tự động theo giờ "
            "từ Trung tâm giám sát, điều hành đô thị thông minh."
        ),
        file="pho-len-den.mp4",
        poster_scene="city",
        days_ago=20,
        time="20:10",
    ),
)
