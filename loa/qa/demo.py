"""Demo content for this module (called by loa.core.demo.loader inside the demo transaction).

The "Hỏi đáp" page, its topics and answering units, eleven answered questions and four
waiting in the queue (one of them overdue). Questions and answers are written for the
demo; the legal references are the ones a city's answer would cite, in general terms.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from wagtail.models import Page

TOPICS = (
    "Hộ tịch",
    "Chứng thực",
    "Đất đai",
    "Xây dựng – Đô thị",
    "Môi trường",
    "Bảo hiểm xã hội – Bảo hiểm y tế",
    "Lao động – Việc làm",
    "Chính sách xã hội",
    "Giáo dục – Đào tạo",
)
UNITS = (
    "Phòng Tư pháp",
    "Phòng Tài nguyên và Môi trường",
    "Phòng Quản lý đô thị",
    "Phòng Lao động – Thương binh và Xã hội",
    "Phòng Giáo dục và Đào tạo",
    "Bảo hiểm xã hội thành phố",
)


@dataclass(frozen=True)
class DemoQuestion:
    topic: str
    asker: str
    title: str
    text: str
    received_days_ago: int
    unit: str = ""
    answer: str = ""
    answered_after_days: int = 0
    initials: bool = False
    email: str = ""
    phone: str = ""


ANSWERED = (
    DemoQuestion(
        topic="Hộ tịch",
        asker="Nguyễn Thị Hồng Nhung",
        email="hongnhung.demo@example.com",
        title="Đăng ký khai sinh cho con khi đã quá 60 ngày",
        text=(
            "Con tôi sinh tháng 3 vừa qua tại Bệnh viện Sản – Nhi tỉnh Hưng Yên. Do vợ chồng tôi đi làm xa nên "
            "đến nay cháu đã gần 4 tháng tuổi mà chưa được đăng ký khai sinh.\n\n"
            "Xin hỏi bây giờ tôi còn được đăng ký khai sinh cho cháu không, cần chuẩn bị những giấy tờ gì "
            "và có bị xử phạt không?"
        ),
        unit="Phòng Tư pháp",
        answer=(
            "Theo Điều 15 Luật Hộ tịch năm 2014, trong thời hạn 60 ngày kể từ ngày sinh con, cha hoặc mẹ có "
            "trách nhiệm đi đăng ký khai sinh cho con. Việc chậm đăng ký không làm mất quyền được khai sinh của "
            "cháu: bà vẫn nộp hồ sơ đăng ký khai sinh tại Ủy ban nhân dân cấp xã nơi cư trú của cha hoặc mẹ, "
            "hoặc nộp trực tuyến trên Cổng Dịch vụ công quốc gia.\n\n"
            "Hồ sơ gồm: Tờ khai đăng ký khai sinh theo mẫu; Giấy chứng sinh do bệnh viện cấp. Người đi đăng ký "
            "xuất trình giấy tờ tùy thân; nếu cha mẹ đã đăng ký kết hôn thì xuất trình thêm Giấy chứng nhận "
            "kết hôn.\n\n"
            "Về xử phạt: theo Nghị định số 82/2020/NĐ-CP của Chính phủ, người có trách nhiệm mà không đăng ký "
            "khai sinh đúng thời hạn cho trẻ em bị phạt cảnh cáo. Khi đăng ký khai sinh, bà có thể đề nghị "
            "cấp thẻ bảo hiểm y tế cho cháu theo quy trình liên thông."
        ),
        received_days_ago=86,
        answered_after_days=6,
    ),
    DemoQuestion(
        topic="Đất đai",
        asker="Trần Văn Dũng",
        phone="0912345601",
        title="Cấp lại Giấy chứng nhận quyền sử dụng đất bị mất do ngập nước",
        text=(
            "Trận mưa lớn kéo dài tháng trước làm nhà tôi ở phường Lam Sơn bị ngập, Giấy chứng nhận quyền sử "
            "dụng đất của gia đình bị hỏng, mất. Tôi cần làm thủ tục gì để được cấp lại và nộp hồ sơ ở đâu?"
        ),
        unit="Phòng Tài nguyên và Môi trường",
        answer=(
            "Trường hợp Giấy chứng nhận bị mất, người sử dụng đất được đề nghị cấp lại theo Luật Đất đai năm "
            "2024 và Nghị định số 101/2024/NĐ-CP của Chính phủ.\n\n"
            "Ông nộp đơn đề nghị cấp lại Giấy chứng nhận theo mẫu tại Bộ phận Một cửa của Ủy ban nhân dân "
            "thành phố hoặc Chi nhánh Văn phòng đăng ký đất đai thành phố. Vì giấy tờ bị mất do thiên tai, ông "
            "đề nghị Ủy ban nhân dân phường xác nhận việc nhà bị ngập, thiệt hại để nộp kèm hồ sơ.\n\n"
            "Thời gian giải quyết được ghi trên Giấy tiếp nhận hồ sơ và hẹn trả kết quả. Ông có thể theo dõi "
            "tiến độ bằng mã hồ sơ trên Cổng Dịch vụ công của tỉnh."
        ),
        received_days_ago=74,
        answered_after_days=9,
    ),
    DemoQuestion(
        topic="Bảo hiểm xã hội – Bảo hiểm y tế",
        asker="Lê Thị Thu Hà",
        email="thuha.demo@example.com",
        title="Điều kiện hưởng bảo hiểm xã hội một lần",
        text=(
            "Tôi làm công nhân may ở khu công nghiệp được 7 năm, đã đóng bảo hiểm xã hội đủ 7 năm và nghỉ việc "
            "từ đầu năm nay. Xin hỏi tôi có được rút bảo hiểm xã hội một lần không, và khi nào thì được nộp hồ sơ?"
        ),
        unit="Bảo hiểm xã hội thành phố",
        answer=(
            "Theo Luật Bảo hiểm xã hội năm 2024 (có hiệu lực từ ngày 01/7/2025), người lao động đã tham gia bảo "
            "hiểm xã hội trước ngày 01/7/2025, sau 12 tháng không thuộc đối tượng tham gia bảo hiểm xã hội bắt "
            "buộc, cũng không tham gia bảo hiểm xã hội tự nguyện và có thời gian đóng chưa đủ 20 năm thì được "
            "hưởng bảo hiểm xã hội một lần nếu có yêu cầu.\n\n"
            "Như vậy, đủ 12 tháng kể từ khi nghỉ việc mà bà không tham gia bảo hiểm xã hội, bà có thể nộp hồ sơ "
            "tại Bảo hiểm xã hội thành phố hoặc trực tuyến trên Cổng Dịch vụ công quốc gia.\n\n"
            "Bà cũng nên cân nhắc bảo lưu thời gian đã đóng để sau này được hưởng lương hưu và thẻ bảo hiểm y tế "
            "khi về già, thay vì nhận một lần."
        ),
        received_days_ago=61,
        answered_after_days=7,
    ),
    DemoQuestion(
        topic="Hộ tịch",
        asker="Phạm Quang Huy",
        initials=True,
        email="quanghuy.demo@example.com",
        title="Giấy xác nhận tình trạng hôn nhân có giá trị trong bao lâu?",
        text=(
            "Tháng trước tôi đã xin Giấy xác nhận tình trạng hôn nhân để làm thủ tục vay vốn ngân hàng. Nay tôi "
            "muốn dùng giấy này để đăng ký kết hôn thì có được không, giấy có giá trị trong bao lâu?"
        ),
        unit="Phòng Tư pháp",
        answer=(
            "Theo Nghị định số 123/2015/NĐ-CP của Chính phủ, Giấy xác nhận tình trạng hôn nhân có giá trị 06 "
            "tháng kể từ ngày cấp và chỉ được sử dụng vào mục đích đã ghi trong giấy.\n\n"
            "Giấy ông được cấp ghi mục đích vay vốn ngân hàng nên không dùng để đăng ký kết hôn được. Nếu đăng "
            "ký kết hôn tại Ủy ban nhân dân cấp xã nơi cư trú của một trong hai bên thì thông thường không cần "
            "Giấy xác nhận tình trạng hôn nhân, vì cơ quan đăng ký tự kiểm tra trong Cơ sở dữ liệu hộ tịch; "
            "trường hợp cần, ông đề nghị cấp giấy mới ghi đúng mục đích kết hôn."
        ),
        received_days_ago=52,
        answered_after_days=5,
    ),
    DemoQuestion(
        topic="Chứng thực",
        asker="Đỗ Minh Tuấn",
        phone="0987654302",
        title="Phí chứng thực bản sao từ bản chính",
        text=(
            "Tôi cần chứng thực 10 bộ hồ sơ xin việc, mỗi bộ có bằng tốt nghiệp, bảng điểm 4 trang và giấy khai "
            "sinh. Xin hỏi phí chứng thực được tính thế nào và tôi có thể chứng thực ở đâu?"
        ),
        unit="Phòng Tư pháp",
        answer=(
            "Theo quy định của Bộ Tài chính, phí chứng thực bản sao từ bản chính là 2.000 đồng/trang; từ trang "
            "thứ ba trở lên thu 1.000 đồng/trang, nhưng không quá 200.000 đồng/bản. Trang là căn cứ để thu phí "
            "được tính theo trang của bản chính.\n\n"
            "Ông có thể chứng thực bản sao từ bản chính tại Ủy ban nhân dân các phường, xã, Phòng Tư pháp "
            "thành phố hoặc các văn phòng công chứng, phòng công chứng trên địa bàn. Khi đi, ông mang theo "
            "bản chính giấy tờ cần chứng thực.\n\n"
            "Ông cũng lưu ý: nhiều cơ quan, doanh nghiệp chấp nhận bản chụp kèm bản chính để đối chiếu, nên "
            "không nhất thiết phải chứng thực cả 10 bộ."
        ),
        received_days_ago=45,
        answered_after_days=4,
    ),
    DemoQuestion(
        topic="Xây dựng – Đô thị",
        asker="Vũ Thị Lan",
        email="vulan.demo@example.com",
        title="Xây nhà ba tầng trong phường có phải xin giấy phép xây dựng không?",
        text=(
            "Gia đình tôi có mảnh đất 80 m² ở phường Hiến Nam, đã có Giấy chứng nhận quyền sử dụng đất, định "
            "xây nhà ba tầng để ở. Xin hỏi có phải xin giấy phép xây dựng không, hồ sơ gồm những gì?"
        ),
        unit="Phòng Quản lý đô thị",
        answer=(
            "Theo Luật Xây dựng, nhà ở riêng lẻ tại đô thị phải có giấy phép xây dựng trước khi khởi công, trừ "
            "một số trường hợp được miễn (như nhà ở riêng lẻ thuộc dự án đầu tư xây dựng đã được phê duyệt). "
            "Nhà của bà ở phường Hiến Nam không thuộc trường hợp được miễn, nên phải xin giấy phép.\n\n"
            "Hồ sơ gồm: đơn đề nghị cấp giấy phép xây dựng theo mẫu; bản sao giấy tờ chứng minh quyền sử dụng "
            "đất; hai bộ bản vẽ thiết kế (mặt bằng, mặt cắt, mặt đứng, móng và đấu nối hạ tầng). Hồ sơ nộp tại "
            "Bộ phận Một cửa của Ủy ban nhân dân thành phố hoặc trực tuyến.\n\n"
            "Thời hạn cấp giấy phép đối với nhà ở riêng lẻ là 15 ngày kể từ ngày nhận đủ hồ sơ hợp lệ."
        ),
        received_days_ago=38,
        answered_after_days=8,
    ),
    DemoQuestion(
        topic="Lao động – Việc làm",
        asker="Hoàng Văn Nam",
        phone="0356789003",
        title="Nộp hồ sơ hưởng trợ cấp thất nghiệp ở đâu, trong thời hạn nào?",
        text=(
            "Công ty tôi làm việc đã chấm dứt hợp đồng lao động với tôi từ ngày 15 tháng trước. Tôi đã đóng "
            "bảo hiểm thất nghiệp được 3 năm. Xin hỏi tôi phải nộp hồ sơ hưởng trợ cấp thất nghiệp ở đâu và "
            "hạn chót là khi nào?"
        ),
        unit="Phòng Lao động – Thương binh và Xã hội",
        answer=(
            "Trong thời hạn 03 tháng kể từ ngày chấm dứt hợp đồng lao động, ông nộp hồ sơ đề nghị hưởng trợ cấp "
            "thất nghiệp tại Trung tâm Dịch vụ việc làm tỉnh Hưng Yên hoặc nộp trực tuyến trên Cổng Dịch vụ công "
            "quốc gia. Quá thời hạn này mà không nộp thì ông không được hưởng trợ cấp cho lần chấm dứt hợp đồng "
            "này; thời gian đóng bảo hiểm thất nghiệp được bảo lưu.\n\n"
            "Hồ sơ gồm: đề nghị hưởng trợ cấp thất nghiệp theo mẫu; bản chính hoặc bản sao giấy tờ xác nhận "
            "việc chấm dứt hợp đồng lao động; sổ bảo hiểm xã hội (hoặc thông tin đóng bảo hiểm trên ứng dụng "
            "VssID).\n\n"
            "Sau khi hưởng, hằng tháng ông thông báo tình hình tìm kiếm việc làm với Trung tâm theo lịch hẹn."
        ),
        received_days_ago=31,
        answered_after_days=3,
    ),
    DemoQuestion(
        topic="Giáo dục – Đào tạo",
        asker="Ngô Thị Mai",
        email="ngomai.demo@example.com",
        title="Con có thể học lớp 1 ở trường gần nơi làm việc của mẹ không?",
        text=(
            "Gia đình tôi thường trú ở xã Trung Nghĩa nhưng tôi làm việc ở phường Minh Khai. Năm nay cháu vào "
            "lớp 1, tôi muốn cho cháu học ở trường tiểu học gần cơ quan để tiện đưa đón. Xin hỏi có được không?"
        ),
        unit="Phòng Giáo dục và Đào tạo",
        answer=(
            "Việc tuyển sinh lớp 1 thực hiện theo địa bàn cư trú (thường trú hoặc tạm trú) do Ủy ban nhân dân "
            "thành phố phân tuyến hằng năm, để bảo đảm mọi trẻ trong độ tuổi đều có chỗ học gần nhà.\n\n"
            "Trẻ không cư trú trên địa bàn tuyển sinh của trường được xem xét nhận học sau khi trường đã tuyển "
            "đủ học sinh trong địa bàn và còn chỉ tiêu. Bà nộp đơn tại trường tiểu học mong muốn trong thời gian "
            "tuyển sinh trực tuyến theo kế hoạch của Phòng Giáo dục và Đào tạo (thường từ đầu tháng 7); nhà "
            "trường sẽ thông báo kết quả sau khi xét tuyển đúng tuyến."
        ),
        received_days_ago=27,
        answered_after_days=6,
    ),
    DemoQuestion(
        topic="Hộ tịch",
        asker="Bùi Đức Thắng",
        email="ducthang.demo@example.com",
        title="Thủ tục thay đổi tên cho con 10 tuổi",
        text=(
            "Con trai tôi năm nay 10 tuổi, tên trong giấy khai sinh trùng với tên ông nội nên gia đình muốn đổi "
            "tên cho cháu. Xin hỏi thủ tục thế nào và có cần cháu đồng ý không?"
        ),
        unit="Phòng Tư pháp",
        answer=(
            "Theo Điều 28 Bộ luật Dân sự năm 2015, cá nhân có quyền yêu cầu thay đổi tên trong một số trường hợp, "
            "trong đó có trường hợp việc sử dụng tên gây nhầm lẫn, ảnh hưởng đến tình cảm gia đình. Việc đặt tên "
            "trùng với tên ông nội của cháu được xem xét theo căn cứ này.\n\n"
            "Việc thay đổi tên của người từ đủ 9 tuổi trở lên phải có sự đồng ý của người đó, nên hồ sơ cần có ý "
            "kiến đồng ý của cháu. Ông nộp Tờ khai đăng ký thay đổi hộ tịch theo mẫu và giấy tờ liên quan tại "
            "Ủy ban nhân dân cấp xã nơi đã đăng ký khai sinh cho cháu hoặc nơi cư trú.\n\n"
            "Sau khi thay đổi tên, các giấy tờ khác của cháu (học bạ, thẻ bảo hiểm y tế) được điều chỉnh theo "
            "Giấy khai sinh mới."
        ),
        received_days_ago=20,
        answered_after_days=5,
    ),
    DemoQuestion(
        topic="Bảo hiểm xã hội – Bảo hiểm y tế",
        asker="Đặng Thị Ngọc Anh",
        initials=True,
        phone="0703456704",
        title="Thẻ bảo hiểm y tế của trẻ dưới 6 tuổi có giá trị đến khi nào?",
        text=(
            "Con gái tôi sinh tháng 11 năm 2020 và đang dùng thẻ bảo hiểm y tế miễn phí. Xin hỏi thẻ có giá trị "
            "đến khi nào và sau đó gia đình phải mua thẻ ở đâu?"
        ),
        unit="Bảo hiểm xã hội thành phố",
        answer=(
            "Trẻ em dưới 6 tuổi được ngân sách nhà nước đóng bảo hiểm y tế. Thẻ có giá trị đến ngày trẻ đủ 72 "
            "tháng tuổi; trường hợp trẻ đủ 72 tháng tuổi mà chưa đến kỳ nhập học thì thẻ có giá trị đến ngày 30 "
            "tháng 9 của năm đó.\n\n"
            "Khi cháu vào lớp 1, cháu tham gia bảo hiểm y tế học sinh tại trường. Gia đình không cần mua thẻ "
            "riêng ở nơi khác; nhà trường sẽ hướng dẫn vào đầu năm học."
        ),
        received_days_ago=15,
        answered_after_days=4,
    ),
    DemoQuestion(
        topic="Đất đai",
        asker="Lưu Văn Khánh",
        phone="0221 3862 777",
        title="Điều kiện tách thửa đất ở để chia cho các con",
        text=(
            "Tôi có thửa đất ở 200 m² tại xã Bảo Khê, mặt tiền 10 m. Tôi muốn tách thành hai thửa để cho hai con. "
            "Xin hỏi điều kiện tách thửa là gì, diện tích tối thiểu bao nhiêu?"
        ),
        unit="Phòng Tài nguyên và Môi trường",
        answer=(
            "Theo Điều 220 Luật Đất đai năm 2024, việc tách thửa phải bảo đảm các điều kiện: thửa đất đã được cấp "
            "Giấy chứng nhận; còn thời hạn sử dụng đất; không có tranh chấp, không bị kê biên; các thửa đất sau "
            "khi tách có lối đi kết nối với đường giao thông công cộng và đáp ứng diện tích, kích thước tối thiểu "
            "do Ủy ban nhân dân tỉnh quy định.\n\n"
            "Diện tích và chiều rộng mặt tiền tối thiểu của thửa đất ở sau khi tách trên địa bàn thành phố được "
            "quy định tại quyết định của Ủy ban nhân dân tỉnh Hưng Yên. Ông mang Giấy chứng nhận đến Chi nhánh "
            "Văn phòng đăng ký đất đai thành phố để được đo đạc, kiểm tra cụ thể trước khi lập hồ sơ tặng cho "
            "quyền sử dụng đất cho các con."
        ),
        received_days_ago=12,
        answered_after_days=7,
    ),
)

WAITING = (
    DemoQuestion(
        topic="Chính sách xã hội",
        asker="Trịnh Văn Bảy",
        phone="0398765405",
        title="Hỗ trợ hộ nghèo sửa chữa nhà ở bị dột nát",
        text=(
            "Gia đình tôi là hộ nghèo ở phường Hồng Châu, nhà cấp bốn xây từ năm 1995 nay đã dột nát, tường nứt. "
            "Xin hỏi gia đình có được hỗ trợ sửa chữa nhà không, mức hỗ trợ bao nhiêu và làm hồ sơ ở đâu?"
        ),
        unit="Phòng Lao động – Thương binh và Xã hội",
        received_days_ago=30,  # past 15 working days: overdue
    ),
    DemoQuestion(
        topic="Môi trường",
        asker="Nguyễn Hữu Phúc",
        email="huuphuc.demo@example.com",
        title="Thu gom rác thải ở khu dân cư mới",
        text=(
            "Khu dân cư mới phía sau chợ Gạo đã có hơn 40 hộ về ở nhưng chưa có xe thu gom rác, người dân phải "
            "mang rác ra đầu đường. Đề nghị thành phố sớm bố trí thu gom rác cho khu dân cư."
        ),
        unit="Phòng Tài nguyên và Môi trường",
        answer=(
            "Phòng Tài nguyên và Môi trường đã làm việc với đơn vị thu gom; dự kiến từ đầu tháng sau bố trí xe "
            "thu gom hằng ngày vào 17 giờ. (Chờ đơn vị thu gom xác nhận lịch cụ thể.)"
        ),
        received_days_ago=8,
    ),
    DemoQuestion(
        topic="Hộ tịch",
        asker="Mai Thị Hương",
        email="maihuong.demo@example.com",
        title="Đăng ký kết hôn với người nước ngoài thực hiện ở đâu?",
        text=(
            "Tôi thường trú tại phường An Tảo, chuẩn bị kết hôn với một công dân Hàn Quốc. Xin hỏi chúng tôi đăng "
            "ký kết hôn ở đâu, cần những giấy tờ gì và bao lâu thì có kết quả?"
        ),
        received_days_ago=2,
    ),
    DemoQuestion(
        topic="Đất đai",
        asker="Cao Văn Lực",
        phone="0869123406",
        title="Sổ đỏ ghi sai năm sinh thì đính chính thế nào?",
        text=(
            "Giấy chứng nhận quyền sử dụng đất của tôi cấp năm 2012 ghi năm sinh 1968, trong khi căn cước ghi "
            "1967. Xin hỏi tôi làm thủ tục đính chính ở đâu và có mất phí không?"
        ),
        received_days_ago=0,
    ),
)


def load_demo(home: Page, now: dt.datetime) -> None:
    from .models import Question, QuestionIndexPage, QuestionPage, Topic, Unit, deadline_for, work_calendar
    from .services import assign, publish_answer

    if QuestionIndexPage.objects.child_of(home).exists():  # the demo ran before
        return
    index = QuestionIndexPage(
        title="Hỏi đáp",
        slug="hoi-dap",
        show_in_menus=True,
        intro=(
            "Tổ chức, công dân gửi câu hỏi về thủ tục hành chính, chính sách, pháp luật thuộc thẩm quyền của "
            "Ủy ban nhân dân thành phố Hưng Yên. Câu hỏi được chuyển đến phòng, ban chuyên môn trả lời."
        ),
        form_intro=(
            "Câu hỏi được trả lời trong thời hạn 15 ngày làm việc. Cổng thông tin không tiếp nhận đơn khiếu "
            "nại, tố cáo: đề nghị gửi trực tiếp đến Ban Tiếp công dân thành phố.\n\n"
            "Câu hỏi có nội dung xúc phạm, không liên quan hoặc trùng lặp sẽ không được trả lời."
        ),
    )
    home.add_child(instance=index)
    index.save_revision().publish()

    topics = {name: Topic.objects.create(name=name, sort_order=order) for order, name in enumerate(TOPICS)}
    units = {name: Unit.objects.create(name=name, sort_order=order) for order, name in enumerate(UNITS)}
    calendar = work_calendar()

    def question(item: DemoQuestion) -> Question:
        received = now - dt.timedelta(days=item.received_days_ago, hours=3)
        return Question.objects.create(
            index_page=index,
            asker_name=item.asker,
            show_initials=item.initials,
            email=item.email,
            phone=item.phone.replace(" ", ""),
            topic=topics[item.topic],
            title=item.title,
            text=item.text,
            received_at=received,
            deadline=deadline_for(received, calendar, days=15),
        )

    for item in ANSWERED:
        asked = question(item)
        answered = asked.received_at + dt.timedelta(days=item.answered_after_days)
        assign(asked, units[item.unit], now=asked.received_at + dt.timedelta(days=1))
        asked.answer = item.answer
        asked.save()
        page = publish_answer(asked, None, now=answered, notify=False)
        # Published "then", as the loader does for articles: dates moved back after publishing.
        QuestionPage.objects.filter(pk=page.pk).update(
            first_published_at=answered, last_published_at=answered, latest_revision_created_at=answered
        )
    for item in WAITING:
        asked = question(item)
        if item.unit:
            assign(asked, units[item.unit], now=asked.received_at + dt.timedelta(days=1))
            asked.answer = item.answer
            asked.save()
