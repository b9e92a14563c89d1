"""The newsroom reports screen (Thống kê): articles and views by period, section, author and status.

`forms` validates the filters, `queries` turns them into a handful of aggregate
queries, `tables` shapes the results once for the page and the exports,
`chart` draws the monthly bars as inline SVG, `export` writes XLSX and CSV,
and `views` puts it on an admin screen registered in `loa.newsroom.wagtail_hooks`.
`base` is that screen's skeleton, shared with the satisfaction report of `loa.ratings`.
"""
