"""Stage 4, present: charts, reader tables and the HTML report.

- :mod:`helpers.present.charts` - one style sheet, one ``save_figure``, the charts of notebooks 04-06.
- :mod:`helpers.present.display` - tables and HTML for readers.
- :mod:`helpers.present.report` - the findings in words and the HTML report.
"""

__all__: list[str] = []

