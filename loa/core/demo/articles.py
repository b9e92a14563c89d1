"""The demo portal's articles, written for it in Vietnamese.

Stories are local news of the kind a city portal carries. Apart from the one
pinned to a real date (the 2022 review of the Women's Union emulation cluster,
reported from public news in our own words), events, figures and people are
made up for the demonstration; places are real.
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from .schema import Article, Photo, Quote, Table

VIETNAM = ZoneInfo("Asia/Ho_Chi_Minh")
STAFF = "Trung tâm Văn hóa và Truyền thanh"

WOMEN_CLUSTER_SLUG = "hoi-nghi-tong-ket-cum-thi-dua-hoi-lhpn-cac-tinh-dong-bang-song-hong-nam-2022"

ARTICLES: tuple[Article, ...] = (
    # --- Thời sự – Chính trị -------------------------------------------------------
    Article(
        section="thoi-su-chinh-tri",
        title="Lãnh đạo thành phố đối thoại với người dân về giải phóng mặt bằng khu đô thị phía Nam",
        sapo=(
            "Sáng {d0}, lãnh đạo UBND thành phố đã đối thoại trực tiếp với hơn 120 hộ dân có đất trong phạm vi dự "
            "án khu đô thị phía Nam. Nhiều kiến nghị về giá bồi thường, tái định cư và hỗ trợ chuyển đổi nghề được "
            "trả lời ngay tại buổi đối thoại."
        ),
        paragraphs=(
            "Dự án khu đô thị phía Nam có tổng diện tích gần 48 ha, đi qua địa bàn phường Hiến Nam và xã Bảo Khê. "
            "Đến nay, thành phố đã hoàn thành kiểm đếm toàn bộ diện tích, phê duyệt phương án bồi thường cho 286 "
            "hộ; còn 37 hộ chưa đồng thuận với mức giá được áp dụng.",
            "Tại buổi đối thoại, người dân đề nghị xem xét lại đơn giá bồi thường cây ăn quả lâu năm, bố trí lô tái "
            "định cư gần nơi ở cũ và có chính sách đào tạo nghề cho lao động lớn tuổi. Đại diện các phòng chuyên môn "
            "đã giải thích căn cứ pháp lý của từng khoản hỗ trợ và ghi nhận những trường hợp cần xác minh thêm.",
            "Lãnh đạo thành phố giao UBND phường Hiến Nam, xã Bảo Khê phối hợp với Trung tâm Phát triển quỹ đất rà "
            "soát lại hồ sơ của từng hộ, trả lời bằng văn bản trong vòng 15 ngày. Những nội dung vượt thẩm quyền sẽ "
            "được tổng hợp, báo cáo UBND tỉnh xem xét.",
            "Sau buổi đối thoại, 14 hộ đã ký biên bản đồng ý nhận tiền bồi thường và bàn giao mặt bằng. Thành phố "
            "phấn đấu hoàn thành giải phóng mặt bằng giai đoạn 1 của dự án trong quý tới.",
        ),
        photo=Photo("meeting", "Quang cảnh buổi đối thoại với người dân.", label="Hội nghị đối thoại|với nhân dân"),
        quote=Quote(
            "Quyền lợi hợp pháp của người dân phải được bảo đảm đầy đủ, công khai, minh bạch. Hộ nào còn vướng mắc, "
            "cán bộ phải đến tận nhà giải thích, không để người dân phải đi lại nhiều lần.",
            "Ông Nguyễn Đức Hòa, Chủ tịch UBND thành phố",
        ),
        authors=("Hoàng Anh", "Minh Thu"),
        tags=("giải phóng mặt bằng", "đối thoại", "đô thị"),
        days_ago=2,
        time="09:15",
        featured=True,
    ),
    Article(
        section="thoi-su-chinh-tri",
        title="HĐND thành phố thông qua 6 nghị quyết tại kỳ họp chuyên đề",
        sapo=(
            "Kỳ họp chuyên đề của HĐND thành phố diễn ra trong một ngày với sự tham dự của 33 đại biểu. Các nghị "
            "quyết được thông qua tập trung vào đầu tư công, quy hoạch và bảo đảm an sinh xã hội."
        ),
        paragraphs=(
            "Tại kỳ họp, các đại biểu đã nghe tờ trình của UBND thành phố và báo cáo thẩm tra của các ban HĐND về "
            "điều chỉnh kế hoạch đầu tư công trung hạn, chủ trương đầu tư một số công trình giao thông, trường học "
            "và kế hoạch sử dụng đất.",
            "Thảo luận tại hội trường, nhiều ý kiến đề nghị ưu tiên vốn cho các công trình chuyển tiếp, tránh dàn "
            "trải; sớm hoàn thành các tuyến đường kết nối khu dân cư mới với trung tâm thành phố.",
            "Với sự nhất trí cao, HĐND thành phố đã biểu quyết thông qua 6 nghị quyết. Các nghị quyết có hiệu lực "
            "kể từ ngày thông qua và được đăng tải trên Cổng thông tin điện tử thành phố.",
            "Phát biểu bế mạc, Chủ tịch HĐND thành phố đề nghị UBND thành phố khẩn trương triển khai các nghị quyết; "
            "các đại biểu tăng cường giám sát, kịp thời phản ánh ý kiến của cử tri về quá trình thực hiện.",
        ),
        photo=Photo(
            "meeting", "Các đại biểu biểu quyết thông qua nghị quyết.", label="Kỳ họp chuyên đề|HĐND thành phố"
        ),
        table=Table(
            rows=(
                ("STT", "Nội dung nghị quyết", "Tỷ lệ tán thành"),
                ("1", "Điều chỉnh kế hoạch đầu tư công trung hạn", "100%"),
                ("2", "Chủ trương đầu tư tuyến đường nối khu đô thị phía Nam", "100%"),
                ("3", "Chủ trương đầu tư mở rộng Trường Tiểu học Lam Sơn", "100%"),
                ("4", "Điều chỉnh kế hoạch sử dụng đất", "96,9%"),
                ("5", "Hỗ trợ người cao tuổi có hoàn cảnh khó khăn", "100%"),
                ("6", "Đặt tên một số tuyến đường trên địa bàn", "100%"),
            ),
            caption="Các nghị quyết được thông qua tại kỳ họp",
        ),
        authors=("Đức Mạnh",),
        tags=("Hội đồng nhân dân", "nghị quyết", "đầu tư công"),
        days_ago=9,
        time="16:40",
    ),
    Article(
        section="thoi-su-chinh-tri",
        title="Cử tri phường Hiến Nam, Lam Sơn kiến nghị nhiều vấn đề dân sinh",
        sapo=(
            "Trong buổi tiếp xúc cử tri trước kỳ họp thường lệ, cử tri hai phường Hiến Nam và Lam Sơn tập trung "
            "phản ánh về tình trạng ngập úng cục bộ, chiếu sáng ngõ xóm và trật tự lòng đường, vỉa hè."
        ),
        paragraphs=(
            "Tổ đại biểu HĐND thành phố đã thông tin đến cử tri dự kiến nội dung kỳ họp và kết quả giải quyết các "
            "kiến nghị từ kỳ trước. Trong số 42 kiến nghị, đã có 35 kiến nghị được giải quyết dứt điểm.",
            "Cử tri tổ dân phố số 5, phường Hiến Nam phản ánh mỗi khi có mưa lớn, một số ngõ trên đường Nguyễn "
            "Thiện Thuật bị ngập sâu do hệ thống thoát nước xuống cấp. Cử tri phường Lam Sơn đề nghị bổ sung đèn "
            "chiếu sáng tại các ngõ nhỏ và xử lý tình trạng họp chợ tạm lấn chiếm lòng đường.",
            "Thay mặt UBND thành phố, lãnh đạo các phòng chuyên môn đã trả lời trực tiếp nhiều ý kiến. Thành phố đã "
            "bố trí kinh phí nạo vét, cải tạo tuyến cống trên đường Nguyễn Thiện Thuật và sẽ thi công trong tháng tới.",
            "Các kiến nghị chưa được trả lời tại hội nghị sẽ được tổ đại biểu tổng hợp, chuyển đến cơ quan có thẩm "
            "quyền và thông báo kết quả đến cử tri tại buổi tiếp xúc sau.",
        ),
        photo=Photo("meeting", "Cử tri phường Hiến Nam phát biểu ý kiến.", label="Hội nghị tiếp xúc cử tri"),
        extra_photo=Photo("city", "Một đoạn đường nội thị thường bị ngập khi có mưa lớn.", credit="Đức Mạnh"),
        authors=("Đức Mạnh", "Minh Thu"),
        tags=("tiếp xúc cử tri", "Hội đồng nhân dân", "dân sinh"),
        days_ago=15,
        time="10:20",
    ),
    Article(
        section="thoi-su-chinh-tri",
        title="Ra quân cao điểm bảo đảm trật tự an toàn giao thông",
        sapo=(
            "Ban An toàn giao thông thành phố phối hợp với Công an thành phố ra quân đợt cao điểm kiểm tra, xử lý vi "
            "phạm về nồng độ cồn, tốc độ và chở hàng quá khổ trên các tuyến đường trọng điểm."
        ),
        paragraphs=(
            "Đợt cao điểm kéo dài 30 ngày, tập trung trên Quốc lộ 38, Quốc lộ 39, đường Nguyễn Văn Linh và các tuyến "
            "đường quanh khu vực trường học. Lực lượng chức năng bố trí các tổ công tác làm việc cả ban ngày và ban "
            "đêm.",
            "Ngay trong tuần đầu ra quân, lực lượng cảnh sát giao thông đã lập biên bản 214 trường hợp vi phạm, "
            "trong đó có 96 trường hợp vi phạm nồng độ cồn; tạm giữ 88 phương tiện.",
            "Song song với xử lý vi phạm, các phường, xã tổ chức tuyên truyền trên hệ thống truyền thanh cơ sở, vận "
            "động người dân ký cam kết “đã uống rượu, bia thì không lái xe”, đội mũ bảo hiểm đúng quy cách khi đi "
            "xe máy, xe đạp điện.",
        ),
        photo=Photo("city", "Lực lượng chức năng kiểm tra phương tiện trên đường Nguyễn Văn Linh."),
        authors=("Hoàng Anh",),
        tags=("an toàn giao thông", "nồng độ cồn"),
        days_ago=22,
        time="07:05",
        source="Ban An toàn giao thông thành phố",
    ),
    Article(
        section="thoi-su-chinh-tri",
        title="Kiểm tra công tác cải cách hành chính tại các phường, xã",
        sapo=(
            "Đoàn kiểm tra của UBND thành phố đã làm việc tại 6 phường, xã về việc giải quyết thủ tục hành chính, "
            "thực hiện cơ chế một cửa và thái độ phục vụ của cán bộ, công chức."
        ),
        paragraphs=(
            "Theo báo cáo, từ đầu năm đến nay, bộ phận một cửa của các phường, xã được kiểm tra đã tiếp nhận hơn "
            "18 nghìn hồ sơ; tỷ lệ hồ sơ giải quyết đúng và trước hạn đạt trên 99%.",
            "Qua kiểm tra, đoàn ghi nhận các đơn vị đã niêm yết công khai đầy đủ thủ tục hành chính, bố trí máy tính "
            "hỗ trợ người dân nộp hồ sơ trực tuyến. Một số nơi còn để hồ sơ giấy và hồ sơ điện tử chưa khớp, việc "
            "số hóa kết quả giải quyết còn chậm.",
            "Trưởng đoàn kiểm tra yêu cầu các phường, xã khắc phục ngay những tồn tại, công khai số điện thoại đường "
            "dây nóng để người dân phản ánh, không để xảy ra tình trạng gây phiền hà, sách nhiễu.",
            "Kết quả kiểm tra là một căn cứ để xếp loại chỉ số cải cách hành chính của các phường, xã cuối năm.",
        ),
        photo=Photo("digital", "Người dân làm thủ tục tại bộ phận một cửa phường.", label="Một cửa"),
        authors=("Quang Vinh",),
        tags=("cải cách hành chính", "một cửa", "thủ tục hành chính"),
        days_ago=33,
        time="14:30",
    ),
    Article(
        section="thoi-su-chinh-tri",
        title="Trao Huy hiệu Đảng cho 58 đảng viên lão thành",
        sapo=(
            "Ban Thường vụ Thành ủy đã tổ chức lễ trao Huy hiệu 40, 45, 50, 55 và 60 năm tuổi Đảng cho 58 đảng viên "
            "thuộc Đảng bộ thành phố. Đây là dịp để ghi nhận những đóng góp bền bỉ của các đảng viên lão thành."
        ),
        paragraphs=(
            "Trong số các đảng viên được trao tặng lần này có 4 đồng chí nhận Huy hiệu 60 năm tuổi Đảng, 11 đồng chí "
            "nhận Huy hiệu 55 năm và 19 đồng chí nhận Huy hiệu 50 năm tuổi Đảng. Nhiều đồng chí từng trực tiếp tham "
            "gia kháng chiến, sau đó tiếp tục công tác tại địa phương.",
            "Phát biểu tại buổi lễ, đại diện Ban Thường vụ Thành ủy chúc mừng các đảng viên và mong các đồng chí tiếp "
            "tục giữ gìn phẩm chất, là tấm gương cho con cháu; tích cực tham gia góp ý xây dựng Đảng, chính quyền ở "
            "cơ sở.",
            "Thay mặt các đảng viên được trao Huy hiệu, đồng chí Phạm Văn Lộc, 87 tuổi, đảng viên Chi bộ tổ dân phố "
            "số 3, phường Quang Trung bày tỏ niềm vinh dự, tự hào và hứa sẽ tiếp tục đóng góp công sức cho quê hương.",
        ),
        photo=Photo("meeting", "Trao Huy hiệu Đảng cho các đảng viên.", label="Lễ trao Huy hiệu Đảng"),
        quote=Quote(
            "Ở tuổi nào thì người đảng viên cũng phải gương mẫu. Tôi vẫn đi sinh hoạt chi bộ đều đặn, vẫn nhắc con "
            "cháu sống tử tế, chăm chỉ làm ăn.",
            "Đồng chí Phạm Văn Lộc, đảng viên 60 năm tuổi Đảng",
        ),
        authors=("Minh Thu",),
        tags=("xây dựng Đảng", "Huy hiệu Đảng"),
        days_ago=41,
        time="11:45",
    ),
    Article(
        section="thoi-su-chinh-tri",
        title="Diễn tập phòng cháy, chữa cháy và cứu nạn tại khu dân cư",
        sapo=(
            "Hơn 150 người thuộc lực lượng phòng cháy chữa cháy chuyên nghiệp, dân phòng và người dân phường Minh "
            "Khai đã tham gia buổi diễn tập với tình huống cháy nhà ống nhiều tầng, kết hợp kinh doanh."
        ),
        paragraphs=(
            "Tình huống giả định đặt ra là một vụ cháy phát sinh tại tầng 1 của ngôi nhà bốn tầng vừa ở vừa kinh "
            "doanh, khói lan nhanh lên các tầng trên, có 3 người mắc kẹt.",
            "Ngay khi phát hiện, tổ liên gia an toàn phòng cháy chữa cháy đã hô hoán, ngắt điện, dùng bình chữa cháy "
            "tại chỗ; lực lượng dân phòng triển khai vòi, lăng từ trụ nước gần nhất. Lực lượng chuyên nghiệp có mặt "
            "sau 7 phút, dùng thang dây, thiết bị phá dỡ để cứu người mắc kẹt.",
            "Qua diễn tập, người dân được hướng dẫn cách thoát nạn khi có cháy, sử dụng bình chữa cháy và mặt nạ lọc "
            "độc. Công an thành phố khuyến cáo các hộ kinh doanh bố trí lối thoát nạn thứ hai, không cơi nới, bịt kín "
            "ban công bằng khung sắt.",
        ),
        photo=Photo("city", "Lực lượng chữa cháy tiếp cận khu nhà ống trong tình huống giả định."),
        authors=("Hoàng Anh", "Đức Mạnh"),
        tags=("phòng cháy chữa cháy", "diễn tập", "an toàn"),
        days_ago=52,
        time="20:10",
    ),
    # --- Kinh tế ---------------------------------------------------------------------
    Article(
        section="kinh-te",
        title="Nhãn lồng Phố Hiến mở rộng thị trường qua sàn thương mại điện tử",
        sapo=(
            "Không chỉ bán tại vườn hay qua thương lái, nhiều hợp tác xã trồng nhãn của thành phố đã đưa sản phẩm "
            "lên sàn thương mại điện tử, bán hàng qua livestream. Giá bán ổn định hơn, người trồng nhãn chủ động "
            "được đầu ra."
        ),
        paragraphs=(
            "Thành phố hiện có khoảng 600 ha nhãn, tập trung ở các xã Hồng Nam, Quảng Châu, Tân Hưng, Phú Cường và "
            "Hùng Cường. Những năm gần đây, nhờ áp dụng quy trình sản xuất theo tiêu chuẩn VietGAP, chất lượng quả "
            "nhãn được nâng lên, nhiều lô hàng đã xuất khẩu.",
            "Hợp tác xã nhãn lồng Hồng Nam là một trong những đơn vị đi đầu. Mỗi vụ, hợp tác xã tổ chức các buổi bán "
            "hàng trực tuyến ngay tại vườn, khách hàng xem cảnh hái nhãn, đặt mua và nhận hàng sau một đến hai ngày.",
            "Để hỗ trợ nông dân, Phòng Kinh tế thành phố phối hợp với các doanh nghiệp viễn thông mở lớp tập huấn về "
            "kỹ năng bán hàng trực tuyến, chụp ảnh sản phẩm, đóng gói và vận chuyển. Mỗi sản phẩm đều có mã QR truy "
            "xuất nguồn gốc.",
            "Theo đánh giá của ngành nông nghiệp, sản lượng nhãn tiêu thụ qua kênh trực tuyến còn khiêm tốn so với "
            "tổng sản lượng, song đây là hướng đi bền vững giúp nâng cao giá trị và thương hiệu nhãn lồng Hưng Yên.",
        ),
        photo=Photo(
            "market", "Nhãn lồng được đóng hộp trước khi gửi cho khách đặt mua trực tuyến.", label="Nhãn lồng Phố Hiến"
        ),
        extra_photo=Photo("fields", "Vườn nhãn ven sông Hồng ở xã Hồng Nam.", credit="Văn Tùng"),
        quote=Quote(
            "Trước đây mình trồng được nhưng không bán được giá. Giờ khách ở tận Thành phố Hồ Chí Minh đặt hàng qua "
            "mạng, mình chỉ cần giữ chữ tín, hàng phải đúng như lời giới thiệu.",
            "Bà Đỗ Thị Hiền, Giám đốc Hợp tác xã nhãn lồng Hồng Nam",
        ),
        authors=("Văn Tùng", "Hoàng Anh"),
        tags=("nhãn lồng", "thương mại điện tử", "nông nghiệp"),
        days_ago=1,
        time="06:50",
        featured=True,
    ),
    Article(
        section="kinh-te",
        title="Khởi công tuyến đường nối khu đô thị phía Nam với đường vành đai",
        sapo=(
            "Tuyến đường dài gần 2,8 km, mặt cắt ngang 27 m, được kỳ vọng sẽ giảm tải cho các trục đường nội thị và "
            "mở ra quỹ đất phát triển đô thị, dịch vụ ở phía Nam thành phố."
        ),
        paragraphs=(
            "Dự án do Ban Quản lý dự án đầu tư xây dựng thành phố làm chủ đầu tư, sử dụng vốn ngân sách thành phố "
            "và vốn hỗ trợ của tỉnh. Tuyến đường có 4 làn xe, hai bên bố trí vỉa hè, hệ thống thoát nước, chiếu sáng "
            "và cây xanh.",
            "Phát biểu tại lễ khởi công, lãnh đạo thành phố yêu cầu nhà thầu bố trí đủ nhân lực, máy móc, thi công "
            "đúng tiến độ và bảo đảm chất lượng; có biện pháp giảm bụi, tiếng ồn, bảo đảm an toàn giao thông cho "
            "người dân đi lại trong khu vực.",
            "Các phường, xã có tuyến đường đi qua được giao tiếp tục tuyên truyền, vận động số ít hộ dân chưa bàn "
            "giao mặt bằng, phối hợp giải quyết kịp thời các vướng mắc phát sinh.",
        ),
        photo=Photo("construction", "Máy móc thi công trên công trường.", label="Công trình trọng điểm"),
        table=Table(
            rows=(
                ("Hạng mục", "Thông tin"),
                ("Chiều dài tuyến", "2,78 km"),
                ("Mặt cắt ngang", "27 m, 4 làn xe"),
                ("Tổng mức đầu tư", "312 tỷ đồng"),
                ("Thời gian thi công", "24 tháng"),
                ("Chủ đầu tư", "Ban Quản lý dự án đầu tư xây dựng thành phố"),
            ),
            caption="Một số thông tin chính của dự án",
        ),
        authors=("Đức Mạnh",),
        tags=("hạ tầng giao thông", "đầu tư công", "đô thị"),
        days_ago=6,
        time="15:20",
    ),
    Article(
        section="kinh-te",
        title="Thu ngân sách trên địa bàn đạt hơn 90% dự toán",
        sapo=(
            "Từ đầu năm đến nay, tổng thu ngân sách nhà nước trên địa bàn thành phố ước đạt hơn 1.150 tỷ đồng, bằng "
            "91,6% dự toán. Nhiều khoản thu tăng khá so với cùng kỳ."
        ),
        paragraphs=(
            "Theo Chi cục Thuế khu vực, thu từ khu vực doanh nghiệp ngoài quốc doanh và thu tiền sử dụng đất là hai "
            "nguồn đóng góp lớn nhất. Thu lệ phí trước bạ và thuế thu nhập cá nhân cũng tăng so với cùng kỳ.",
            "Bên cạnh kết quả đạt được, một số khoản thu còn thấp do thị trường bất động sản chưa sôi động, tiến độ "
            "đấu giá quyền sử dụng đất ở một số khu dân cư chậm so với kế hoạch.",
            "Để hoàn thành dự toán cả năm, thành phố chỉ đạo ngành thuế tăng cường quản lý thu, đôn đốc nợ đọng; "
            "đẩy nhanh tiến độ đấu giá đất; chống thất thu trong kinh doanh thương mại điện tử và dịch vụ ăn uống.",
            "Cùng với thu ngân sách, thành phố yêu cầu các chủ đầu tư đẩy nhanh giải ngân vốn đầu tư công, bảo đảm "
            "chi tiêu tiết kiệm, hiệu quả.",
        ),
        photo=Photo("city", "Một góc trung tâm thành phố."),
        table=Table(
            rows=(
                ("Khoản thu", "Ước thực hiện (tỷ đồng)", "So với dự toán"),
                ("Thu từ doanh nghiệp ngoài quốc doanh", "312,4", "94,2%"),
                ("Thu tiền sử dụng đất", "508,0", "88,3%"),
                ("Lệ phí trước bạ", "96,7", "101,8%"),
                ("Thuế thu nhập cá nhân", "84,5", "97,1%"),
                ("Các khoản thu khác", "149,6", "90,4%"),
                ("Tổng cộng", "1.151,2", "91,6%"),
            ),
            caption="Kết quả thu ngân sách từ đầu năm đến nay",
        ),
        authors=("Văn Tùng",),
        tags=("thu ngân sách", "thuế"),
        days_ago=13,
        time="08:35",
        source="Chi cục Thuế khu vực",
    ),
    Article(
        section="kinh-te",
        title="Đầm sen Liên Phương hút khách nhờ làm du lịch trải nghiệm",
        sapo=(
            "Từ những ô ruộng trũng cấy lúa kém hiệu quả, các hộ dân xã Liên Phương đã chuyển sang trồng sen, kết hợp "
            "đón khách tham quan, chụp ảnh và thưởng thức các món ăn từ sen."
        ),
        paragraphs=(
            "Vùng trồng sen của xã hiện rộng khoảng 25 ha. Ngoài bán hoa, hạt, ngó sen, các hộ còn làm trà sen, mứt "
            "sen theo cách truyền thống. Một số sản phẩm đã được đóng gói, dán nhãn để bán làm quà.",
            "Những ngày cuối tuần, đầm sen đón hàng trăm lượt khách từ trung tâm thành phố và các địa phương lân cận. "
            "Nhiều gia đình mở dịch vụ cho thuê trang phục, chèo thuyền ngắm sen và nấu các món ăn đồng quê.",
            "Lãnh đạo xã Liên Phương cho biết, thời gian tới xã sẽ phối hợp với các ngành của thành phố quy hoạch "
            "khu trồng sen tập trung, làm đường vào và bãi đỗ xe, hướng dẫn người dân làm du lịch văn minh, giữ vệ "
            "sinh môi trường.",
        ),
        photo=Photo("river", "Đầm sen xã Liên Phương lúc sáng sớm."),
        extra_photo=Photo("fields", "Người dân thu hoạch gương sen.", credit="Quang Vinh"),
        authors=("Quang Vinh",),
        tags=("du lịch", "nông nghiệp", "Liên Phương"),
        days_ago=19,
        time="17:10",
    ),
    Article(
        section="kinh-te",
        title="Doanh nghiệp trong khu công nghiệp cần tuyển hơn 1.200 lao động",
        sapo=(
            "Phiên giao dịch việc làm do Trung tâm Dịch vụ việc làm phối hợp với thành phố tổ chức đã thu hút 24 "
            "doanh nghiệp tham gia, với nhu cầu tuyển dụng hơn 1.200 lao động ở nhiều vị trí."
        ),
        paragraphs=(
            "Các vị trí tuyển dụng chủ yếu là công nhân lắp ráp điện tử, may mặc, vận hành máy, kỹ thuật viên cơ khí "
            "và nhân viên kho vận. Mức lương khởi điểm phổ biến từ 6 đến 9 triệu đồng mỗi tháng, chưa kể phụ cấp.",
            "Nhiều doanh nghiệp phỏng vấn trực tiếp tại phiên giao dịch, hỗ trợ xe đưa đón và bữa ăn giữa ca cho "
            "người lao động. Ngay trong buổi sáng, hơn 300 người đã được hẹn đi làm.",
            "Cùng với tuyển dụng, các đơn vị còn tư vấn về học nghề, bảo hiểm thất nghiệp và đi làm việc ở nước ngoài "
            "theo hợp đồng, giúp người lao động có thêm lựa chọn phù hợp.",
        ),
        photo=Photo("factory", "Nhà xưởng trong khu công nghiệp.", label="Khu công nghiệp"),
        authors=("Văn Tùng", "Minh Thu"),
        tags=("việc làm", "khu công nghiệp", "lao động"),
        days_ago=27,
        time="09:55",
    ),
    Article(
        section="kinh-te",
        title="Nông dân Quảng Châu chuyển ruộng lúa kém hiệu quả sang trồng cây ăn quả",
        sapo=(
            "Xã Quảng Châu đã chuyển đổi hơn 40 ha đất lúa vùng cao, khó tưới sang trồng bưởi, ổi, chuối và cam. Thu "
            "nhập trên mỗi ha tăng gấp ba đến bốn lần so với trồng lúa."
        ),
        paragraphs=(
            "Việc chuyển đổi được thực hiện theo quy hoạch, người dân đăng ký, xã thẩm định rồi mới cho phép đắp bờ, "
            "lên luống. Phần lớn diện tích chuyển đổi tập trung thành vùng, thuận tiện cho chăm sóc và tiêu thụ.",
            "Gia đình ông Trần Văn Kiên ở thôn Nễ Châu có 1,2 ha trồng ổi và bưởi. Ông cho biết, sau 3 năm, vườn "
            "đã cho thu hoạch ổn định, trừ chi phí mỗi năm gia đình có lãi hơn 300 triệu đồng.",
            "Để sản xuất bền vững, xã khuyến khích các hộ liên kết thành tổ hợp tác, áp dụng quy trình an toàn, "
            "hạn chế thuốc bảo vệ thực vật, từng bước xây dựng nhãn hiệu chung cho sản phẩm.",
            "Ngành nông nghiệp thành phố cũng hỗ trợ một phần kinh phí mua cây giống, tập huấn kỹ thuật và kết nối "
            "với các bếp ăn tập thể, siêu thị để tiêu thụ sản phẩm.",
        ),
        photo=Photo("fields", "Cánh đồng chuyển đổi ở xã Quảng Châu."),
        extra_photo=Photo("market", "Ổi, bưởi của xã được bày bán tại chợ.", label="Nông sản sạch", credit="Văn Tùng"),
        authors=("Văn Tùng",),
        tags=("nông nghiệp", "chuyển đổi cây trồng", "Quảng Châu"),
        days_ago=38,
        time="13:25",
    ),
    Article(
        section="kinh-te",
        title="Thành phố có thêm 5 sản phẩm đạt chuẩn OCOP 4 sao",
        sapo=(
            "Hội đồng đánh giá, phân hạng sản phẩm của tỉnh vừa công nhận thêm 5 sản phẩm của thành phố đạt chuẩn "
            "OCOP 4 sao, nâng tổng số sản phẩm OCOP của thành phố lên 38 sản phẩm."
        ),
        paragraphs=(
            "Các sản phẩm được công nhận lần này chủ yếu chế biến từ nông sản địa phương như long nhãn, tương, trà "
            "sen và chả gà. Đây đều là những sản phẩm có bao bì, nhãn mác rõ ràng, đã có chỗ đứng trên thị trường.",
            "Chương trình OCOP giúp các chủ thể sản xuất chuẩn hóa quy trình, đầu tư máy móc và quan tâm hơn đến "
            "chất lượng. Nhiều sản phẩm đã vào được chuỗi siêu thị và các sàn thương mại điện tử.",
            "Thành phố tiếp tục hỗ trợ các chủ thể tham gia hội chợ, xúc tiến thương mại, đồng thời khuyến khích phát "
            "triển sản phẩm gắn với du lịch, như các món quà đặc sản phục vụ khách tham quan Phố Hiến.",
        ),
        photo=Photo("market", "Gian hàng giới thiệu sản phẩm OCOP của thành phố.", label="Sản phẩm OCOP"),
        table=Table(
            rows=(
                ("Sản phẩm", "Chủ thể", "Xã, phường"),
                ("Long nhãn sấy", "Hợp tác xã nhãn lồng Hồng Nam", "Hồng Nam"),
                ("Tương nếp", "Hộ kinh doanh Nguyễn Thị Mai", "Bảo Khê"),
                ("Trà sen ướp", "Tổ hợp tác sen Liên Phương", "Liên Phương"),
                ("Chả gà", "Hộ kinh doanh Phạm Văn Dũng", "Lam Sơn"),
                ("Mật ong hoa nhãn", "Hợp tác xã Tân Hưng", "Tân Hưng"),
            ),
            caption="Các sản phẩm mới đạt chuẩn OCOP 4 sao",
        ),
        authors=("Văn Tùng", "Hoàng Anh"),
        tags=("OCOP", "đặc sản", "nhãn lồng"),
        days_ago=47,
        time="10:05",
    ),
    # --- Văn hóa – Xã hội -------------------------------------------------------------
    Article(
        section="van-hoa-xa-hoi",
        title="Khai mạc Lễ hội văn hóa dân gian Phố Hiến",
        sapo=(
            "Tối {d1}, tại Quảng trường Nguyễn Văn Linh, thành phố đã khai mạc Lễ hội văn hóa dân gian Phố Hiến. "
            "Lễ hội diễn ra trong ba ngày với nhiều hoạt động văn hóa, thể thao và trưng bày sản phẩm đặc trưng."
        ),
        paragraphs=(
            "Lễ hội là dịp tôn vinh giá trị lịch sử, văn hóa của vùng đất Phố Hiến, giới thiệu với du khách các di "
            "tích tiêu biểu như Văn Miếu Xích Đằng, chùa Chuông, đền Mẫu, đền Trần cùng những sản vật của quê hương.",
            "Phần lễ gồm lễ rước kiệu từ các đình, đền về khu trung tâm và dâng hương tưởng niệm các bậc tiền nhân. "
            "Phần hội có hát trống quân, chèo, đấu vật, kéo co, cờ người và giải bơi chải trên hồ Bán Nguyệt.",
            "Trong ba ngày lễ hội, khu trưng bày giới thiệu hơn 100 gian hàng, trong đó có nhiều sản phẩm OCOP, đồ "
            "thủ công mỹ nghệ và ẩm thực truyền thống của các xã, phường.",
            "Ban Tổ chức đã bố trí các điểm trông giữ xe, lực lượng bảo đảm an ninh trật tự, y tế và vệ sinh môi "
            "trường, để người dân và du khách vui hội an toàn, tiết kiệm.",
        ),
        photo=Photo("festival", "Nghi thức rước kiệu trong Lễ hội văn hóa dân gian Phố Hiến.", label="Lễ hội Phố Hiến"),
        extra_photo=Photo("river", "Giải bơi chải trên hồ Bán Nguyệt.", credit="Quang Vinh"),
        quote=Quote(
            "Lễ hội không chỉ để vui chơi mà còn để mỗi người dân, nhất là thế hệ trẻ, hiểu và tự hào về một thời "
            "“Thứ nhất Kinh Kỳ, thứ nhì Phố Hiến”.",
            "Bà Lê Thị Thu Hà, Trưởng Ban Tổ chức lễ hội",
        ),
        authors=("Quang Vinh", "Minh Thu"),
        tags=("lễ hội", "Phố Hiến", "di sản"),
        days_ago=0,
        time="08:20",
        featured=True,
    ),
    Article(
        section="van-hoa-xa-hoi",
        title="Tu bổ, tôn tạo di tích Văn Miếu Xích Đằng",
        sapo=(
            "Dự án tu bổ, tôn tạo di tích Văn Miếu Xích Đằng được triển khai nhằm chống xuống cấp các hạng mục gỗ, "
            "mái ngói và cải tạo cảnh quan, phục vụ tốt hơn nhu cầu tham quan, học tập của du khách và học sinh."
        ),
        paragraphs=(
            "Văn Miếu Xích Đằng là nơi thờ Khổng Tử và tôn vinh những người đỗ đạt của trấn Sơn Nam Thượng xưa. Di "
            "tích hiện còn lưu giữ nhiều bia đá ghi danh các vị đỗ đại khoa, là nguồn tư liệu quý về truyền thống "
            "hiếu học của địa phương.",
            "Theo thiết kế, các hạng mục được tu bổ theo nguyên tắc giữ tối đa yếu tố gốc; những cấu kiện gỗ mục "
            "hỏng được thay thế bằng vật liệu cùng chủng loại, chạm khắc theo hoa văn cũ.",
            "Trong thời gian thi công, di tích vẫn mở cửa đón khách ở khu vực không bị ảnh hưởng. Ban quản lý di "
            "tích đề nghị du khách thực hiện đúng hướng dẫn, không vào khu vực đang tu bổ.",
        ),
        photo=Photo("festival", "Khu vực tiền đường của Văn Miếu Xích Đằng.", label="Văn Miếu Xích Đằng"),
        authors=("Quang Vinh",),
        tags=("di tích", "Phố Hiến", "bảo tồn"),
        days_ago=16,
        time="14:50",
    ),
    Article(
        section="van-hoa-xa-hoi",
        title="Hơn 2.000 người tham gia giải chạy “Vì sức khỏe cộng đồng”",
        sapo=(
            "Giải chạy do Trung tâm Văn hóa và Truyền thanh thành phố tổ chức với ba cự ly 3 km, 5 km và 10 km, chạy "
            "quanh hồ An Vũ và các tuyến phố trung tâm."
        ),
        paragraphs=(
            "Người tham gia thuộc nhiều lứa tuổi, từ học sinh tiểu học đến người cao tuổi; nhiều cơ quan, đơn vị và "
            "gia đình cùng đăng ký theo nhóm.",
            "Ban Tổ chức đã trao giải cho các vận động viên có thành tích cao ở từng cự ly, nội dung nam và nữ; trao "
            "giải đơn vị có đông người tham gia nhất và vận động viên nhiều tuổi nhất.",
            "Giải chạy góp phần lan tỏa phong trào rèn luyện thân thể, khuyến khích người dân hình thành thói quen "
            "vận động mỗi ngày để nâng cao sức khỏe.",
        ),
        photo=Photo("sports", "Các vận động viên xuất phát ở cự ly 10 km.", label="Vì sức khỏe cộng đồng"),
        extra_photo=Photo("city", "Vận động viên chạy trên các tuyến phố trung tâm.", credit="Đức Mạnh"),
        authors=("Đức Mạnh",),
        tags=("thể thao", "giải chạy", "sức khỏe"),
        days_ago=24,
        time="18:30",
    ),
    Article(
        section="van-hoa-xa-hoi",
        title="Trao 12 nhà Đại đoàn kết cho hộ nghèo, hộ có hoàn cảnh khó khăn",
        sapo=(
            "Ủy ban MTTQ Việt Nam thành phố vừa bàn giao 12 ngôi nhà Đại đoàn kết cho các hộ nghèo, hộ có hoàn cảnh "
            "đặc biệt khó khăn về nhà ở tại các xã Hoàng Hanh, Phương Chiểu và Tân Hưng."
        ),
        paragraphs=(
            "Mỗi ngôi nhà được hỗ trợ 60 triệu đồng từ Quỹ “Vì người nghèo” và nguồn đóng góp của doanh nghiệp, "
            "cùng với phần gia đình tự lo và ngày công của bà con lối xóm, đoàn viên thanh niên.",
            "Bà Vũ Thị Nhung ở xã Phương Chiểu xúc động cho biết, gian nhà cũ của bà đã dột nát nhiều năm, mỗi mùa "
            "mưa bão lại phải sang nhờ hàng xóm. Nay có nhà mới kiên cố, bà yên tâm làm ăn, chăm sóc cháu nhỏ.",
            "Từ đầu năm, Mặt trận các cấp của thành phố đã vận động xây mới, sửa chữa 31 nhà Đại đoàn kết, góp phần "
            "thực hiện mục tiêu không còn hộ nghèo ở nhà tạm, nhà dột nát.",
        ),
        photo=Photo("city", "Ngôi nhà Đại đoàn kết vừa được bàn giao."),
        authors=("Minh Thu",),
        tags=("an sinh xã hội", "nhà Đại đoàn kết", "Mặt trận Tổ quốc"),
        days_ago=44,
        time="09:40",
        source="Ủy ban MTTQ Việt Nam thành phố",
    ),
    # --- Giáo dục ------------------------------------------------------------------------
    Article(
        section="giao-duc",
        title="Thành phố có thêm 3 trường học đạt chuẩn quốc gia",
        sapo=(
            "Trường Mầm non Bảo Khê, Trường Tiểu học Hồng Châu và Trường THCS Trung Nghĩa vừa được công nhận đạt "
            "chuẩn quốc gia. Tỷ lệ trường chuẩn của thành phố tăng lên 92,5%."
        ),
        paragraphs=(
            "Để đạt chuẩn, các trường đã đầu tư xây thêm phòng học, phòng bộ môn, thư viện; mua sắm thiết bị dạy học "
            "và cải tạo sân chơi, bãi tập. Tổng kinh phí đầu tư cho ba trường hơn 27 tỷ đồng.",
            "Không chỉ cơ sở vật chất, đội ngũ giáo viên cũng được chuẩn hóa. Hầu hết giáo viên đạt trình độ trên "
            "chuẩn, nhiều thầy cô đạt danh hiệu giáo viên dạy giỏi cấp thành phố, cấp tỉnh.",
            "Theo Phòng Giáo dục và Đào tạo, thời gian tới thành phố tiếp tục ưu tiên vốn cho các trường còn thiếu "
            "phòng học, phấn đấu tất cả các trường công lập đạt chuẩn quốc gia.",
        ),
        photo=Photo("classroom", "Một tiết học của học sinh Trường Tiểu học Hồng Châu.", label="Trường chuẩn quốc gia"),
        extra_photo=Photo("sports", "Sân tập mới của Trường THCS Trung Nghĩa.", credit="Thanh Hương"),
        table=Table(
            rows=(
                ("Cấp học", "Số trường", "Số trường đạt chuẩn"),
                ("Mầm non", "17", "16"),
                ("Tiểu học", "15", "14"),
                ("Trung học cơ sở", "8", "7"),
                ("Tổng cộng", "40", "37"),
            ),
            caption="Trường công lập đạt chuẩn quốc gia của thành phố",
        ),
        authors=("Thanh Hương",),
        tags=("giáo dục", "trường chuẩn quốc gia"),
        days_ago=5,
        time="10:45",
        source="Phòng Giáo dục và Đào tạo thành phố",
    ),
    Article(
        section="giao-duc",
        title="Học sinh thành phố giành 46 giải học sinh giỏi cấp tỉnh",
        sapo=(
            "Tại kỳ thi chọn học sinh giỏi lớp 9 cấp tỉnh, đội tuyển thành phố giành 46 giải, trong đó có 5 giải "
            "Nhất, tiếp tục đứng trong nhóm dẫn đầu của tỉnh."
        ),
        paragraphs=(
            "Đội tuyển thành phố gồm 60 học sinh dự thi ở 10 môn. Kết quả, các em đạt 5 giải Nhất, 12 giải Nhì, "
            "15 giải Ba và 14 giải Khuyến khích. Môn Toán, Ngữ văn và Tiếng Anh có tỷ lệ đạt giải cao.",
            "Các thầy cô cho biết, bên cạnh năng khiếu, học sinh được bồi dưỡng theo hướng tự học, rèn cách tư duy "
            "thay vì học thuộc lòng. Nhiều em tự tìm tài liệu, trao đổi với thầy cô qua lớp học trực tuyến.",
            "Dịp này, Hội Khuyến học thành phố đã khen thưởng các học sinh đạt giải và giáo viên có học sinh đạt "
            "giải cao, động viên các em tiếp tục phấn đấu.",
        ),
        photo=Photo("classroom", "Học sinh đội tuyển ôn luyện trước kỳ thi.", label="Ôn luyện đội tuyển"),
        authors=("Thanh Hương",),
        tags=("giáo dục", "học sinh giỏi", "khuyến học"),
        days_ago=30,
        time="16:15",
    ),
    Article(
        section="giao-duc",
        title="Dạy kỹ năng phòng tránh đuối nước cho học sinh",
        sapo=(
            "Phòng Giáo dục và Đào tạo thành phố phối hợp với Trung tâm Văn hóa và Truyền thanh tổ chức lớp dạy bơi "
            "an toàn và kỹ năng phòng tránh đuối nước cho 400 học sinh tiểu học."
        ),
        paragraphs=(
            "Thành phố có nhiều ao hồ, sông ngòi, nguy cơ đuối nước ở trẻ em luôn hiện hữu. Vì vậy, dạy bơi và dạy "
            "kỹ năng an toàn trong môi trường nước được xác định là việc làm thường xuyên.",
            "Mỗi lớp học kéo dài 10 buổi. Các em được học cách nổi, thở, bơi ếch cơ bản; biết cách nhận biết khu vực "
            "nguy hiểm, không tự ý tắm sông, hồ và cách kêu cứu, hỗ trợ bạn khi gặp nạn mà không tự lao xuống nước.",
            "Phụ huynh đánh giá cao lớp học, mong muốn chương trình được mở rộng cho học sinh các xã ven sông Hồng.",
        ),
        photo=Photo("river", "Khu vực ven sông, nơi các em được dặn không tự ý xuống tắm."),
        authors=("Thanh Hương", "Đức Mạnh"),
        tags=("giáo dục", "phòng chống đuối nước", "trẻ em"),
        days_ago=55,
        time="08:05",
    ),
    # --- Y tế ----------------------------------------------------------------------------
    Article(
        section="y-te",
        title="Khám sàng lọc miễn phí bệnh không lây nhiễm cho người cao tuổi",
        sapo=(
            "Trung tâm Y tế thành phố phối hợp với Hội Người cao tuổi khám, sàng lọc tăng huyết áp, đái tháo đường "
            "và bệnh phổi tắc nghẽn mạn tính cho hơn 1.500 người cao tuổi tại 17 xã, phường."
        ),
        paragraphs=(
            "Người cao tuổi được đo huyết áp, xét nghiệm đường máu, đo chức năng hô hấp và tư vấn chế độ ăn uống, "
            "luyện tập. Những trường hợp có dấu hiệu bệnh được hướng dẫn đến khám chuyên khoa và lập hồ sơ quản lý "
            "tại trạm y tế.",
            "Qua sàng lọc, gần 30% người được khám có chỉ số huyết áp cao, nhiều người trước đó chưa từng biết mình "
            "mắc bệnh. Các trạm y tế sẽ theo dõi, cấp thuốc định kỳ theo chế độ bảo hiểm y tế.",
            "Ngành y tế khuyến cáo người cao tuổi nên kiểm tra sức khỏe ít nhất mỗi năm một lần, giảm muối, tăng rau "
            "xanh và duy trì đi bộ, tập dưỡng sinh hằng ngày.",
        ),
        photo=Photo("clinic", "Người cao tuổi chờ đến lượt khám tại trạm y tế.", label="Trạm Y tế xã"),
        extra_photo=Photo(
            "clinic", "Nhân viên y tế đo huyết áp cho người dân.", label="Khám sàng lọc", credit="Ngọc Lan"
        ),
        quote=Quote(
            "Tăng huyết áp thường không có triệu chứng rõ ràng. Phát hiện sớm và uống thuốc đều đặn sẽ phòng được "
            "những biến chứng nặng như đột quỵ.",
            "Bác sĩ Trần Thị Hạnh, Trung tâm Y tế thành phố",
        ),
        authors=("Ngọc Lan",),
        tags=("y tế", "người cao tuổi", "bệnh không lây nhiễm"),
        days_ago=4,
        time="11:10",
    ),
    Article(
        section="y-te",
        title="Chủ động phòng, chống sốt xuất huyết tại khu dân cư",
        sapo=(
            "Trước nguy cơ sốt xuất huyết gia tăng, thành phố đã tổ chức chiến dịch diệt bọ gậy, phun hóa chất tại "
            "các khu vực có ca bệnh và tuyên truyền người dân loại bỏ dụng cụ chứa nước đọng."
        ),
        paragraphs=(
            "Từ đầu năm, thành phố ghi nhận một số ca sốt xuất huyết, chủ yếu là ca bệnh từ nơi khác trở về. Ngành "
            "y tế đã xử lý ổ dịch kịp thời, chưa để lây lan trong cộng đồng.",
            "Trong chiến dịch, các tổ dân phố, thôn huy động người dân dọn vệ sinh, lật úp chum vại, thả cá vào bể "
            "nước, thu gom lốp xe, vỏ chai lọ. Cán bộ y tế đến từng hộ kiểm tra, hướng dẫn cách diệt bọ gậy.",
            "Trung tâm Y tế thành phố khuyến cáo khi có biểu hiện sốt cao, đau đầu, mỏi người, người dân cần đến cơ "
            "sở y tế để được khám, không tự ý dùng thuốc hạ sốt có thành phần aspirin.",
        ),
        photo=Photo("clinic", "Cán bộ y tế hướng dẫn người dân phòng bệnh.", label="Phòng chống dịch"),
        authors=("Ngọc Lan", "Hoàng Anh"),
        tags=("y tế", "sốt xuất huyết", "phòng chống dịch"),
        days_ago=18,
        time="15:35",
    ),
    Article(
        section="y-te",
        title="Khám chữa bệnh bảo hiểm y tế bằng căn cước công dân gắn chip",
        sapo=(
            "Tất cả các trạm y tế xã, phường và Trung tâm Y tế thành phố đã tiếp nhận người bệnh khám chữa bệnh bảo "
            "hiểm y tế bằng thẻ căn cước gắn chip hoặc ứng dụng VNeID thay cho thẻ bảo hiểm y tế giấy."
        ),
        paragraphs=(
            "Khi đến khám, người bệnh chỉ cần xuất trình thẻ căn cước, nhân viên tiếp đón dùng đầu đọc để tra cứu "
            "thông tin thẻ bảo hiểm y tế. Thời gian làm thủ tục rút ngắn còn khoảng một phút.",
            "Việc dùng căn cước giúp người bệnh không lo quên hay làm mất thẻ giấy; cơ sở y tế hạn chế sai sót khi "
            "nhập thông tin và dễ dàng liên thông dữ liệu khám chữa bệnh.",
            "Trong thời gian đầu, các cơ sở y tế vẫn tiếp nhận thẻ bảo hiểm y tế giấy, đồng thời bố trí nhân viên "
            "hướng dẫn người dân kích hoạt tài khoản định danh điện tử.",
        ),
        photo=Photo("digital", "Tiếp đón người bệnh bằng thẻ căn cước gắn chip.", label="Y tế số"),
        authors=("Ngọc Lan",),
        tags=("y tế", "bảo hiểm y tế", "chuyển đổi số"),
        days_ago=36,
        time="09:00",
    ),
    # --- Phụ nữ – Gia đình --------------------------------------------------------------
    Article(
        section="phu-nu-gia-dinh",
        slug=WOMEN_CLUSTER_SLUG,
        title="Hội nghị tổng kết Cụm thi đua Hội LHPN các tỉnh đồng bằng sông Hồng năm 2022",
        sapo=(
            "Ngày 18/11/2022, tại tỉnh Hưng Yên, Cụm thi đua Hội Liên hiệp Phụ nữ các tỉnh đồng bằng sông Hồng đã tổ "
            "chức hội nghị tổng kết công tác thi đua năm 2022. Hội LHPN 10 tỉnh trong Cụm cùng nhìn lại một năm "
            "hoạt động, trao đổi cách làm hay và thống nhất nhiệm vụ cho năm tiếp theo."
        ),
        paragraphs=(
            "Theo báo cáo tại hội nghị, trong năm 2022, Hội LHPN các tỉnh trong Cụm đã bám sát nội dung giao ước thi "
            "đua, tập trung hỗ trợ phụ nữ phát triển kinh tế, xây dựng gia đình hạnh phúc và chăm lo cho phụ nữ, trẻ "
            "em có hoàn cảnh khó khăn, đặc biệt là trẻ em mồ côi.",
            "Một điểm sáng được hội nghị ghi nhận là chương trình “Mẹ đỡ đầu”. Trong năm, các tỉnh trong Cụm đã kết "
            "nối cho 3.037 trẻ em có hoàn cảnh đặc biệt có mẹ đỡ đầu, với tổng số tiền hỗ trợ gần 16,5 tỷ đồng. Riêng "
            "tỉnh Hưng Yên đã nhận đỡ đầu 486 trẻ với số tiền gần 3 tỷ đồng.",
            "Các “mẹ đỡ đầu” là cán bộ, hội viên phụ nữ, doanh nghiệp và nhà hảo tâm, không chỉ hỗ trợ tiền hằng "
            "tháng mà còn thường xuyên thăm hỏi, động viên, giúp các em có thêm điều kiện học tập và vững vàng hơn "
            "trong cuộc sống.",
            "Nhân dịp hội nghị, Cụm thi đua đã trao quà cho 240 trẻ em mồ côi, thể hiện sự sẻ chia của các cấp Hội "
            "với những hoàn cảnh thiệt thòi.",
            "Hội nghị cũng đã bàn phương hướng hoạt động và thống nhất bầu Hội LHPN tỉnh Quảng Ninh làm Cụm trưởng "
            "Cụm thi đua năm 2023.",
        ),
        photo=Photo(
            "meeting",
            "Quang cảnh hội nghị tổng kết công tác thi đua năm 2022 của Cụm thi đua.",
            label="Hội nghị tổng kết|Cụm thi đua năm 2022",
        ),
        extra_photo=Photo(
            "festival", "Trao quà cho trẻ em mồ côi bên lề hội nghị.", label="Mẹ đỡ đầu", credit="Hoàng Anh"
        ),
        authors=("Hoàng Anh", "Minh Thu"),
        tags=("Hội Liên hiệp Phụ nữ", "Mẹ đỡ đầu", "thi đua khen thưởng", "trẻ em mồ côi"),
        published=dt.datetime(2022, 11, 21, 9, 30, tzinfo=VIETNAM),
    ),
    Article(
        section="phu-nu-gia-dinh",
        title="Nữ nông dân khởi nghiệp từ rau sạch trên đất bãi",
        sapo=(
            "Từ 3 sào đất bãi ven sông Hồng, chị Nguyễn Thị Thảo ở xã Hùng Cường đã xây dựng mô hình trồng rau hữu "
            "cơ, tạo việc làm thường xuyên cho 8 lao động nữ trong thôn."
        ),
        paragraphs=(
            "Năm năm trước, chị Thảo nghỉ làm công nhân về quê, quyết định vay vốn từ nguồn ủy thác qua Hội Phụ nữ để "
            "dựng nhà lưới trồng rau. Những vụ đầu, rau bị sâu bệnh, không bán được giá, có lúc chị định bỏ cuộc.",
            "Được Hội LHPN thành phố giới thiệu tham gia lớp tập huấn về sản xuất hữu cơ, chị chuyển sang ủ phân vi "
            "sinh, dùng chế phẩm sinh học thay thuốc hóa học. Sản phẩm dần được các bếp ăn trường học và cửa hàng "
            "thực phẩm sạch tin dùng.",
            "Hiện diện tích trồng rau của gia đình chị đã lên hơn 1 ha, mỗi năm cho thu nhập khoảng 400 triệu đồng. "
            "Chị còn hướng dẫn nhiều chị em trong xã cùng làm, bao tiêu sản phẩm cho các hộ.",
            "Mô hình của chị Thảo là một trong những dự án được Hội LHPN thành phố lựa chọn hỗ trợ tham gia cuộc thi "
            "phụ nữ khởi nghiệp cấp tỉnh.",
        ),
        photo=Photo("fields", "Chị Thảo chăm sóc vườn rau trong nhà lưới."),
        extra_photo=Photo(
            "market", "Rau sạch được đóng gói giao cho các cửa hàng.", label="Rau sạch", credit="Bích Ngọc"
        ),
        authors=("Bích Ngọc",),
        tags=("phụ nữ khởi nghiệp", "nông nghiệp hữu cơ", "Hùng Cường"),
        days_ago=7,
        time="14:00",
    ),
    Article(
        section="phu-nu-gia-dinh",
        title="Câu lạc bộ “Gia đình hạnh phúc” – nơi chia sẻ những chuyện trong nhà",
        sapo=(
            "Mỗi tháng một lần, các thành viên Câu lạc bộ “Gia đình hạnh phúc” phường An Tảo lại gặp nhau để trao "
            "đổi về cách nuôi dạy con, giữ hòa khí vợ chồng và phòng, chống bạo lực gia đình."
        ),
        paragraphs=(
            "Câu lạc bộ có 35 cặp vợ chồng tham gia, thuộc nhiều lứa tuổi. Nội dung sinh hoạt được chuẩn bị theo "
            "chủ đề, có khi là buổi nói chuyện của chuyên gia tâm lý, có khi là tiểu phẩm do chính các thành viên "
            "dàn dựng.",
            "Từ những buổi sinh hoạt, nhiều ông chồng đã chia sẻ việc nhà nhiều hơn, nhiều cặp vợ chồng biết lắng "
            "nghe nhau. Những mâu thuẫn trong gia đình được các thành viên nhẹ nhàng góp ý, hòa giải từ sớm.",
            "Hội LHPN phường cho biết, từ khi câu lạc bộ hoạt động, trên địa bàn không còn xảy ra vụ bạo lực gia "
            "đình nghiêm trọng. Mô hình đang được nhân rộng ra các xã, phường khác.",
        ),
        photo=Photo("meeting", "Buổi sinh hoạt của Câu lạc bộ “Gia đình hạnh phúc”.", label="CLB Gia đình hạnh phúc"),
        quote=Quote(
            "Gia đình nào cũng có lúc va chạm. Điều quan trọng là ngồi lại với nhau, nói cho nhau nghe, chứ không "
            "phải im lặng hay nặng lời.",
            "Bà Nguyễn Thị Lan, Chủ nhiệm Câu lạc bộ",
        ),
        authors=("Bích Ngọc", "Minh Thu"),
        tags=("gia đình", "bình đẳng giới", "phòng chống bạo lực gia đình"),
        days_ago=21,
        time="19:20",
    ),
    Article(
        section="phu-nu-gia-dinh",
        title="Hơn 3,2 tỷ đồng vốn vay giúp hội viên phụ nữ phát triển kinh tế",
        sapo=(
            "Hội LHPN thành phố vừa giải ngân hơn 3,2 tỷ đồng vốn vay ưu đãi từ nguồn ủy thác của Ngân hàng Chính "
            "sách xã hội cho 78 hội viên để chăn nuôi, trồng trọt và kinh doanh nhỏ."
        ),
        paragraphs=(
            "Các hộ vay vốn được tổ tiết kiệm và vay vốn ở cơ sở bình xét công khai, ưu tiên hộ nghèo, hộ cận nghèo "
            "và phụ nữ đơn thân đang nuôi con nhỏ.",
            "Cùng với vốn vay, các cấp Hội tổ chức tập huấn cách làm ăn, hướng dẫn ghi chép thu chi và kết nối tiêu "
            "thụ sản phẩm. Cán bộ Hội thường xuyên đến thăm, nắm bắt khó khăn để hỗ trợ kịp thời.",
            "Đến nay, tổng dư nợ ủy thác qua Hội LHPN thành phố đạt hơn 120 tỷ đồng, tỷ lệ nợ quá hạn thấp. Nhiều "
            "hội viên đã thoát nghèo, có của ăn của để từ những đồng vốn ban đầu.",
        ),
        photo=Photo("meeting", "Giải ngân vốn vay cho hội viên phụ nữ.", label="Hội LHPN thành phố"),
        authors=("Bích Ngọc",),
        tags=("phụ nữ", "vốn vay", "giảm nghèo"),
        days_ago=35,
        time="10:30",
    ),
    Article(
        section="phu-nu-gia-dinh",
        title="“Mẹ đỡ đầu” tiếp bước đến trường cho trẻ mồ côi",
        sapo=(
            "Tiếp nối chương trình “Mẹ đỡ đầu”, các cấp Hội Phụ nữ thành phố đang nhận đỡ đầu 64 trẻ em mồ côi, "
            "trẻ có hoàn cảnh đặc biệt khó khăn, với mức hỗ trợ từ 500.000 đến 1 triệu đồng mỗi tháng."
        ),
        paragraphs=(
            "Mỗi trẻ được một cán bộ, hội viên, doanh nghiệp hoặc nhóm nhà hảo tâm nhận làm “mẹ đỡ đầu”. Ngoài tiền "
            "hỗ trợ, các mẹ đỡ đầu thường xuyên gọi điện hỏi han, đến dự họp phụ huynh và đón các em về chơi dịp lễ, "
            "Tết.",
            "Em Nguyễn Minh Anh, học sinh lớp 8 ở phường Hồng Châu, mất cả bố và mẹ, đang sống cùng bà ngoại. Được mẹ "
            "đỡ đầu giúp đỡ từ ba năm nay, em vẫn chăm học và nhiều năm liền là học sinh giỏi.",
            "Hội LHPN thành phố kêu gọi các tổ chức, cá nhân tiếp tục đồng hành cùng chương trình, để không trẻ em "
            "nào phải bỏ học vì hoàn cảnh.",
        ),
        photo=Photo("classroom", "Các em nhỏ được nhận đỡ đầu trong buổi gặp mặt.", label="Mẹ đỡ đầu"),
        authors=("Thu Hằng",),
        tags=("Mẹ đỡ đầu", "trẻ em mồ côi", "Hội Liên hiệp Phụ nữ"),
        days_ago=49,
        time="16:55",
        source="Hội LHPN thành phố",
    ),
    # --- Chuyển đổi số ---------------------------------------------------------------------
    Article(
        section="chuyen-doi-so",
        title="Hơn 90% hồ sơ thủ tục hành chính được tiếp nhận trực tuyến",
        sapo=(
            "Từ đầu năm đến nay, tỷ lệ hồ sơ thủ tục hành chính được tiếp nhận trực tuyến tại thành phố đạt 91,3%. "
            "Nhiều thủ tục như chứng thực, hộ tịch, đăng ký kinh doanh hộ cá thể đã được người dân làm hoàn toàn "
            "trên mạng."
        ),
        paragraphs=(
            "Để đạt kết quả này, thành phố đã bố trí tổ hỗ trợ tại bộ phận một cửa, hướng dẫn người dân tạo tài khoản, "
            "chụp và tải giấy tờ lên Cổng dịch vụ công. Kết quả giải quyết được trả qua bưu điện hoặc bản điện tử.",
            "Người dân không còn phải đi lại nhiều lần, có thể nộp hồ sơ vào buổi tối hay ngày nghỉ. Cán bộ một cửa "
            "cũng giảm được việc nhập liệu thủ công, có thêm thời gian thẩm định hồ sơ.",
            "Thời gian tới, thành phố tiếp tục rà soát, đơn giản hóa thủ tục, tái sử dụng dữ liệu đã số hóa để người "
            "dân không phải nộp lại những giấy tờ mà cơ quan nhà nước đã có.",
        ),
        photo=Photo("digital", "Người dân nộp hồ sơ trực tuyến bằng điện thoại.", label="Dịch vụ công"),
        table=Table(
            rows=(
                ("Lĩnh vực", "Số hồ sơ tiếp nhận", "Tỷ lệ trực tuyến"),
                ("Chứng thực", "21.480", "95,2%"),
                ("Hộ tịch", "9.316", "92,7%"),
                ("Đăng ký hộ kinh doanh", "1.204", "88,5%"),
                ("Đất đai", "3.952", "71,6%"),
                ("Toàn thành phố", "35.952", "91,3%"),
            ),
            caption="Hồ sơ thủ tục hành chính từ đầu năm đến nay",
        ),
        authors=("Quang Vinh", "Hoàng Anh"),
        tags=("chuyển đổi số", "dịch vụ công trực tuyến", "cải cách hành chính"),
        days_ago=3,
        time="08:50",
    ),
    Article(
        section="chuyen-doi-so",
        title="Tổ công nghệ số cộng đồng “đi từng ngõ, gõ từng nhà”",
        sapo=(
            "Thành phố hiện có 152 tổ công nghệ số cộng đồng với hơn 900 thành viên. Các tổ đến từng nhà hướng dẫn "
            "người dân cài đặt, kích hoạt VNeID, thanh toán không dùng tiền mặt và nhận biết lừa đảo qua mạng."
        ),
        paragraphs=(
            "Thành viên các tổ là cán bộ tổ dân phố, đoàn viên thanh niên, hội viên phụ nữ và cựu chiến binh. Nhiều "
            "tổ chọn buổi tối, khi các gia đình đã đi làm về, để hướng dẫn.",
            "Người cao tuổi là đối tượng được các tổ đặc biệt quan tâm. Các bạn trẻ kiên nhẫn hướng dẫn từng thao tác "
            "trên điện thoại, từ cách đặt mật khẩu đến cách tra cứu thông tin bảo hiểm y tế.",
            "Các tổ còn giúp người dân nhận diện những thủ đoạn lừa đảo thường gặp như giả danh công an, giả danh "
            "nhân viên ngân hàng, gửi đường link lạ để chiếm đoạt tài khoản.",
        ),
        photo=Photo("digital", "Đoàn viên thanh niên hướng dẫn người cao tuổi sử dụng VNeID.", label="VNeID"),
        extra_photo=Photo("city", "Tổ công nghệ số cộng đồng đến từng nhà dân.", credit="Quang Vinh"),
        authors=("Quang Vinh",),
        tags=("chuyển đổi số", "VNeID", "tổ công nghệ số cộng đồng"),
        days_ago=10,
        time="15:05",
    ),
    Article(
        section="chuyen-doi-so",
        title="Đi chợ không cần tiền mặt",
        sapo=(
            "Tại chợ trung tâm thành phố và nhiều chợ xã, hầu hết tiểu thương đã có mã QR để khách thanh toán qua "
            "ngân hàng. Đi chợ không mang tiền mặt đang trở thành thói quen của nhiều người."
        ),
        paragraphs=(
            "Bà Trần Thị Hoa, bán rau ở chợ Phố Hiến, cho biết ban đầu bà còn ngại vì sợ nhầm tiền, nhưng chỉ sau ít "
            "ngày đã quen. Mỗi khoản tiền khách chuyển đều có thông báo, cuối ngày bà dễ dàng cộng sổ.",
            "Với khách hàng, thanh toán bằng mã QR vừa nhanh, vừa không phải lo tiền lẻ. Các ngân hàng trên địa bàn "
            "cũng cử cán bộ đến chợ hỗ trợ mở tài khoản, in mã QR miễn phí cho tiểu thương.",
            "Thành phố đặt mục tiêu đến cuối năm có ít nhất 80% hộ kinh doanh tại các chợ chấp nhận thanh toán không "
            "dùng tiền mặt.",
        ),
        photo=Photo("market", "Khách hàng quét mã QR thanh toán tại chợ.", label="Chợ 4.0"),
        authors=("Minh Thu",),
        tags=("chuyển đổi số", "thanh toán không dùng tiền mặt", "chợ"),
        days_ago=17,
        time="07:40",
    ),
    Article(
        section="chuyen-doi-so",
        title="Trung tâm giám sát, điều hành đô thị thông minh đi vào hoạt động",
        sapo=(
            "Trung tâm giám sát, điều hành đô thị thông minh của thành phố kết nối dữ liệu từ camera giao thông, "
            "đèn chiếu sáng, phản ánh hiện trường và các hệ thống chuyên ngành, giúp chính quyền xử lý công việc "
            "nhanh hơn."
        ),
        paragraphs=(
            "Giai đoạn đầu, trung tâm tiếp nhận hình ảnh từ 120 camera tại các nút giao, khu vực công cộng; điều "
            "khiển bật, tắt hệ thống chiếu sáng công cộng theo giờ và theo mùa.",
            "Người dân có thể gửi phản ánh về vỉa hè, rác thải, hư hỏng hạ tầng qua ứng dụng trên điện thoại. Phản "
            "ánh được chuyển thẳng đến đơn vị có trách nhiệm; kết quả xử lý được công khai để người gửi theo dõi.",
            "Từ khi vận hành thử nghiệm, trung tâm đã tiếp nhận hơn 1.300 phản ánh, trong đó 96% đã được xử lý xong. "
            "Thời gian xử lý trung bình rút ngắn còn dưới ba ngày.",
            "Thành phố sẽ tiếp tục mở rộng kết nối với dữ liệu y tế, giáo dục, môi trường, từng bước điều hành đô thị "
            "dựa trên dữ liệu.",
        ),
        photo=Photo(
            "digital", "Màn hình giám sát tại Trung tâm điều hành đô thị thông minh.", label="Đô thị thông minh"
        ),
        extra_photo=Photo("city", "Hệ thống chiếu sáng được điều khiển từ trung tâm.", credit="Đức Mạnh"),
        quote=Quote(
            "Mỗi phản ánh của người dân là một đầu việc có người chịu trách nhiệm và có thời hạn xử lý. Dữ liệu "
            "cho chúng tôi biết nơi nào làm tốt, nơi nào còn chậm.",
            "Ông Lê Quang Huy, Giám đốc Trung tâm",
        ),
        video="pho-len-den.mp4",
        video_caption="Hệ thống chiếu sáng công cộng tự động bật khi trời tối.",
        authors=("Đức Mạnh", "Quang Vinh"),
        tags=("chuyển đổi số", "đô thị thông minh", "phản ánh hiện trường"),
        days_ago=29,
        time="13:15",
    ),
    Article(
        section="chuyen-doi-so",
        title="Số hóa hơn 100 nghìn trang sổ hộ tịch",
        sapo=(
            "Thành phố đã hoàn thành số hóa dữ liệu hộ tịch lưu trữ từ nhiều chục năm trước tại 17 xã, phường, giúp "
            "việc tra cứu, cấp bản sao trích lục nhanh và chính xác hơn."
        ),
        paragraphs=(
            "Nhiều cuốn sổ khai sinh, khai tử, đăng ký kết hôn được lập từ những năm 1960, giấy đã ố vàng, chữ viết "
            "tay khó đọc. Các cán bộ tư pháp phải đối chiếu từng trang trước khi nhập dữ liệu.",
            "Đến nay, hơn 100 nghìn trang sổ với gần 160 nghìn trường hợp đăng ký hộ tịch đã được đưa vào cơ sở dữ "
            "liệu điện tử. Người dân cần bản sao trích lục có thể nộp yêu cầu trực tuyến và nhận kết quả trong ngày.",
            "Dữ liệu hộ tịch sau số hóa còn được dùng để làm sạch dữ liệu dân cư, phục vụ giải quyết các thủ tục "
            "liên thông như đăng ký khai sinh, thường trú và cấp thẻ bảo hiểm y tế cho trẻ em.",
        ),
        photo=Photo("digital", "Cán bộ tư pháp số hóa sổ hộ tịch.", label="Số hóa dữ liệu"),
        authors=("Hoàng Anh",),
        tags=("chuyển đổi số", "hộ tịch", "dữ liệu"),
        days_ago=58,
        time="10:10",
        source="Phòng Tư pháp thành phố",
    ),
)
