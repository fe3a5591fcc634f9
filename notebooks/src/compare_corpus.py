# %% [markdown]
# # Comparing outlets and time periods in a corpus
#
# Reads a corpus table written by `mediakit corpus` (one row per article; columns in
# `docs/corpus.md`) and compares outlets and time periods: group means with confidence
# intervals (Student's t), trends per period, and the whole distributions. Nothing is
# recomputed here; every number comes from the table.
#
# A mean's interval says how precisely the *articles in the table* pin down the mean; it
# says nothing about articles the table does not hold, nor about whether a metric
# measures what you want it to (see `docs/metrics.md`).

# %% tags=["parameters"]
results_path: str = "../data/processed/corpus.parquet"  # corpus table: Parquet file (local engine) or folder (Dask engine)
metrics: str = "readability_flesch_kincaid_grade,sentiment_mean_compound,sources_n_sources,sources_official_sources_share,civilian_source_share,framing_agentless_share"  # comma-separated columns to compare (docs/corpus.md lists them)
period: str = "M"  # time period for trends: Y (year), Q (quarter), M (month), W (week)
confidence: float = 0.95  # level of the confidence intervals
min_articles: int = 5  # groups with fewer articles are left out of the comparisons
output_csv: "Optional[str]" = None  # where the table of group means is written (None: nothing written)
group_by: str = "outlet,period"  # comma-separated columns whose groups are compared pairwise (outlet, period, or any column of the table)
bootstrap_resamples: int = 2000  # bootstrap resamples of each difference
seed: int = 0  # seed of the bootstrap (the same seed, the same intervals)

# %%
# Stop here, before reading anything, on an unknown parameter name, a wrong type or value.
from mediakit.errors import ParameterError
from mediakit.run.params import check_notebook_parameters

P = check_notebook_parameters("compare_corpus", globals())
if P["period"] not in ("Y", "Q", "M", "W"):
    raise ParameterError("compare_corpus", f"period must be Y, Q, M or W, got {P['period']!r}")
if not 0 < P["confidence"] < 1:
    raise ParameterError("compare_corpus", "confidence must be between 0 and 1")
METRICS = [m.strip() for m in P["metrics"].split(",") if m.strip()]

# %%
import pandas as pd

from mediakit.run import comparison_views as compare
from mediakit.run import frame
from mediakit.run import report_views as views
from mediakit.run.labels import measure_label

views.setup()
table = frame.read_corpus_table(P["results_path"])
unknown = [m for m in METRICS if m not in table.columns]
if unknown:
    raise ParameterError("compare_corpus", f"no such column(s) in the table: {', '.join(unknown)}")
table = frame.add_period(table, date="date", freq=P["period"])
table["outlet"] = table["outlet"].fillna("(no outlet)")
# The measures by their names in words, in every table and figure below.
LABELS = {m: measure_label(m) for m in METRICS}
table = table.rename(columns=LABELS)
METRICS = list(LABELS.values())
n_outlets = table["outlet"].nunique()
views.show(views.text_html(
    f"{len(table)} articles from {n_outlets} {'outlet' if n_outlets == 1 else 'outlets'}; "
    f"{table['period'].notna().sum()} with a date, from {table['period'].min()} to "
    f"{table['period'].max()}."))

# %% [markdown]
# ## Articles per outlet and period

# %%
counts = pd.crosstab(table["outlet"], table["period"].fillna("(no date)"), margins=True,
                     margins_name="All")
views.show(counts.rename_axis(index="outlet", columns=None))

# %% [markdown]
# ## Outlets: means with confidence intervals

# %%
big_outlets = table.groupby("outlet").filter(lambda g: len(g) >= P["min_articles"])
by_outlet = frame.grouped_means(big_outlets, "outlet", METRICS, confidence=P["confidence"])
views.show(compare.means_table(by_outlet, P["confidence"]))

# %%
for metric in METRICS:
    views.show(frame.means_figure(by_outlet, "outlet", metric,
                                  f"{metric}: mean by outlet, {P['confidence']:.0%} "
                                  "interval"))

# %% [markdown]
# ## Time periods
#
# Means per period for the whole corpus, then one line per outlet (shaded band:
# confidence interval). Periods with fewer than `min_articles` articles are left out.

# %%
dated = table[table["period"].notna()]
big_periods = dated.groupby("period").filter(lambda g: len(g) >= P["min_articles"])
by_period = frame.grouped_means(big_periods, "period", METRICS, confidence=P["confidence"])
views.show(compare.means_table(by_period, P["confidence"]))

# %%
cells = dated.groupby(["outlet", "period"]).filter(lambda g: len(g) >= P["min_articles"])
by_outlet_period = frame.grouped_means(cells, ["outlet", "period"], METRICS,
                                       confidence=P["confidence"])
for metric in METRICS:
    if len(by_outlet_period):
        views.show(frame.trend_figure(by_outlet_period, metric, line="outlet", period="period"))

# %% [markdown]
# ## Distributions
#
# Box plots: the box spans the middle half of the articles, the line inside is the
# median, whiskers reach 1.5 times the box length, dots are articles beyond them.

# %%
for metric in METRICS:
    views.show(frame.distribution_figure(big_outlets, metric, by="outlet"))

# %% [markdown]
# ## Differences between groups
#
# For each measure and each pair of groups (each column of `group_by`), the difference
# of the means (first group minus second), its bootstrap confidence interval (BCa,
# seeded: the settings are in the table below) and Hedges' g, the difference in pooled
# standard deviations. Groups with fewer than `min_articles` articles are left out.

# %%
from mediakit.run.differences import group_differences, paper_table

differences = []
for column in [c.strip() for c in P["group_by"].split(",") if c.strip()]:
    if column not in table.columns:
        raise ParameterError("compare_corpus", f"group_by: no such column {column!r}")
    d = group_differences(table, column, METRICS, confidence=P["confidence"],
                          n_resamples=P["bootstrap_resamples"], seed=P["seed"],
                          min_articles=P["min_articles"])
    differences.append(d)
    views.show(views.text_html(f"Differences between groups of {column}", "h3"))
    views.show(paper_table(d) if len(d) else
               views.text_html("Fewer than two groups with enough articles."))
if differences:
    views.show(views.text_html(compare.bootstrap_note(differences[0].attrs["bootstrap"])))

# %%
if P["output_csv"]:
    means = pd.concat([by_outlet.assign(group_by="outlet"),
                       by_period.assign(group_by="period")], ignore_index=True)
    # The file keeps the corpus table's column names (docs/corpus.md).
    means["metric"] = means["metric"].map({v: k for k, v in LABELS.items()})
    means.to_csv(P["output_csv"], index=False)
    views.show(views.text_html(f"group means written to {P['output_csv']}"))
