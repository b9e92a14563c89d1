"""The satisfaction report (admin, Báo cáo › Đánh giá mức độ hài lòng).

`forms` validates the period and the order, `queries` counts in a fixed handful
of grouped queries, `tables` shapes the downloads (with the newsroom reports'
XLSX/CSV writer), `views` puts it on an admin screen registered in
`loa.ratings.wagtail_hooks`.
"""
