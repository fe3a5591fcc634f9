# %% [markdown]
# # Comparing articles
#
# The metrics of every article in a results folder written by `mediakit batch`, side by
# side: one table (also written as CSV) and plots of reading grade, sentiment, source
# mix, civilian voice and agentless harm, grouped by outlet when there is more than one. All numbers come from the articles'
# `metrics.json` files; nothing is recomputed here.

# %% tags=["parameters"]
results_dir: str = "../data/processed"  # folder of mediakit batch results (one sub-folder with metrics.json per article)
output_csv: "Optional[str]" = None  # where the comparison table is written (None: results_dir/comparison.csv)
group_by: str = "outlet"  # comma-separated columns whose groups are compared pairwise (outlet, date, or any column of the table)
min_articles: int = 2  # groups with fewer articles are left out of the differences
bootstrap_resamples: int = 2000  # bootstrap resamples of each difference
seed: int = 0  # seed of the bootstrap (the same seed, the same intervals)

# %%
# Stop here, before reading anything, on an unknown parameter name or a wrong type.
from mediakit.run.params import check_notebook_parameters

P = check_notebook_parameters("compare_articles", globals())

# %%
from mediakit.run import comparison_views as views

views.setup()
results = views.load_results(P["results_dir"])
table = views.comparison_table(results)
csv_path = views.write_comparison_csv(table, P["output_csv"] or views.default_csv(P["results_dir"]))
n_outlets = len(views.outlets(results))
views.show(views.text_html(f"{len(table)} articles from {n_outlets} "
                           f"{'outlet' if n_outlets == 1 else 'outlets'}; every column is "
                           f"also in {csv_path.name}."))

# %% [markdown]
# ## Comparison table

# %%
for heading, part in views.comparison_display(table):
    views.show(views.text_html(heading, "h3"))
    views.show(part)

# %% [markdown]
# ## Reading grade

# %%
views.show(views.grades_by_article_figure(results))

# %% [markdown]
# ## Sentiment
#
# Mean of sentence compound scores and the shares of negative and positive sentences.

# %%
views.show(views.sentiment_by_article_figure(results))

# %% [markdown]
# ## Who speaks
#
# Each article's sources by role (shares of distinct sources), then the civilian share
# of sources and of quoted words, and the share of harm mentions that name no
# perpetrator.

# %%
views.show(views.source_mix_by_article_figure(results))

# %%
views.show(views.civilian_and_agentless_figure(results))

# %% [markdown]
# ## Differences between groups
#
# For each measure and each pair of groups (each column of `group_by`), the difference
# of the means (first group minus second), its bootstrap confidence interval (BCa,
# seeded) and Hedges' g. With a handful of articles per group the intervals are wide:
# read them as such.

# %%
from mediakit.errors import ParameterError
from mediakit.run.differences import group_differences, paper_table

measures = [c for c in table.columns if c not in ("title", "outlet", "date")]
for column in [c.strip() for c in P["group_by"].split(",") if c.strip()]:
    if column not in table.columns:
        raise ParameterError("compare_articles", f"group_by: no such column {column!r}")
    d = group_differences(table, column, measures, n_resamples=P["bootstrap_resamples"],
                          seed=P["seed"], min_articles=P["min_articles"])
    views.show(views.text_html(f"Differences between groups of {column}", "h3"))
    views.show(paper_table(d) if len(d) else
               views.text_html("Fewer than two groups with enough articles."))
    views.show(views.text_html(views.bootstrap_note(d.attrs["bootstrap"])))
