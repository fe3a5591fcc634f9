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

# %%
# Stop here, before reading anything, on an unknown parameter name or a wrong type.
from mediakit.run.params import check_notebook_parameters

P = check_notebook_parameters("compare_articles", globals())

# %%
from mediakit.run import report_views as views

views.setup()
results = views.load_results(P["results_dir"])
table = views.comparison_table(results)
csv_path = views.write_comparison_csv(table, P["output_csv"] or views.default_csv(P["results_dir"]))
views.show(views.text_html(f"{len(table)} articles from {len(views.outlets(results))} outlet(s); "
                           f"table written to {csv_path.name}"))

# %% [markdown]
# ## Comparison table

# %%
table

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
