# %% [markdown]
# # Article report
#
# One news article measured by mediakit: the article at a glance, its readability, its
# sentiment sentence by sentence, who speaks in it, how much civilians are heard and
# how harm is told, and where the figures come from. Every figure is computed by mediakit
# from the article's text (version, parameters and data files under *Provenance*).

# %% tags=["parameters"]
article_path: str = "../data/raw/israel-hamas-war-latest-news.txt"  # article file (.txt .md .json) or corpus (.jsonl .csv)
article_row: "Optional[int]" = None  # line (.jsonl) or row (.csv, header is row 1) of the article in a corpus file
article_id: "Optional[str]" = None  # id given to the article (None: from the file)
title: "Optional[str]" = None  # headline to show instead of the file's
outlet: "Optional[str]" = None  # outlet to show instead of the file's
date: "Optional[str]" = None  # publication date (ISO 8601) instead of the file's
output_dir: "Optional[str]" = None  # folder where metrics.json is written (None: nothing written)
notebook_sha256: "Optional[str]" = None  # SHA-256 of this notebook file (set by mediakit report and batch)
codebook: "Optional[str]" = None  # codebook YAML of roles and sides (default: the packaged one)
clutter_path: "Optional[str]" = None  # clutter-pattern file (default: the packaged one)
max_bytes: int = 5000000  # largest article accepted, in bytes
familiar_words: "Optional[str]" = None  # Dale-Chall familiar-word list, one word a line (default: the packaged one)
positive_threshold: float = 0.05  # VADER compound at or above which a sentence is positive
negative_threshold: float = -0.05  # VADER compound at or below which a sentence is negative
reporting_verbs: "Optional[str]" = None  # reporting-verb list of the attribution extractor (default: the packaged one)
counted_cue_types: str = "speech,stance,according_to"  # which attributions count as statements, by cue type: types separated by commas (speech, belief, intention, evidence, stance, nominal, according_to, negated) or all
occupations: "Optional[str]" = None  # occupation word list for humanisation (default: the packaged one)
family_terms: "Optional[str]" = None  # family word list for humanisation (default: the packaged one)
harm_lexicon: "Optional[str]" = None  # harm lexicon YAML (default: the packaged one)
emotive_terms: "Optional[str]" = None  # emotive-term YAML (default: the packaged one)
weapon_counts_as_named: bool = False  # count a harm whose sentence names only its cause, without an actor (an airstrike killed), as naming the perpetrator
integrity_rules: "Optional[str]" = None  # word lists of the text-integrity rules (default: the packaged integrity.yaml)
stock_phrases: "Optional[str]" = None  # stock web phrases, one regular expression a line (default: the packaged one)
exclude_flagged: bool = False  # compute the other families without the sentences the integrity rules flag (recorded; off by default)
genre: "Optional[str]" = None  # the article's genre (news, opinion, feature, ...): first-person genres lower the person flag (default: the front matter's genre, else news)
columns: dict = {}  # field names of .jsonl/.csv corpora, e.g. {"text": "content"}
corrections: "Optional[str]" = None  # coded sheet (.xlsx .csv) whose codes correct who speaks, civilian voice and framing (None: no corrections)

# %%
# Stop here, before any analysis, on an unknown parameter name or a wrong type.
from mediakit.run.params import check_notebook_parameters

P = check_notebook_parameters("article_report", globals())

# %%
from mediakit.run import report_views as views
from mediakit.run.reports import report_metrics

views.setup()
metrics = report_metrics(P)  # analyses the article; writes metrics.json when output_dir is set
views.show(views.heading_html(metrics))

# %% [markdown]
# ## The article at a glance
#
# Metadata as read from the file (or given as parameters), the size of the measured
# text, and how many lines of web clutter (share buttons, "Advertisement", sign-up
# prompts) were removed before measuring.

# %%
views.show(views.at_a_glance(metrics))

# %%
views.show(views.clutter_view(metrics))

# %% [markdown]
# ## Text integrity
#
# Sentences a news reporter would not have written: first or second person outside
# quotations, appeals to the reader, clauses that repeat themselves, fragments, stock web
# phrases (the rules and what each wrongly catches: `docs/metrics.md`). A *suspect*
# article may be a scraped page or a machine-rewritten copy: read it before counting.
# The flags are measured, not applied; `exclude_flagged` recomputes without them.

# %%
from mediakit.run import integrity_views

views.show(integrity_views.integrity_summary(metrics))

# %%
views.show(integrity_views.flagged_sentences_table(metrics))

# %% [markdown]
# ### The article, flagged sentences marked

# %%
views.show(integrity_views.article_marked_html(metrics))

# %% [markdown]
# ## The article with its codes
#
# The text as measured, paragraphs numbered from 1. Each statement is highlighted in the
# colour of its speaker's role, the speaker underlined where the text names them; the
# footnotes (and the title shown on hover) give speaker, role, side, kind, cue and the
# rule that decided. Harm mentions are boxed and labelled with their construction.

# %%
views.show(views.article_view(metrics, P))

# %% [markdown]
# ## Readability
#
# Classic readability formulas, computed on the cleaned text. Grade-level indices give a
# US school grade; Flesch Reading Ease runs from 0 (hardest) to 100 (easiest). The band
# says how each value is usually read. The plot shows the grade of each paragraph, so a
# hard passage stands out from an easy lede.

# %%
views.show(views.readability_table(metrics))
views.show(views.dale_chall_note(metrics))

# %%
views.show(views.paragraph_grade_figure(metrics))

# %% [markdown]
# ## Sentiment
#
# VADER compound scores (-1 most negative, +1 most positive) of each sentence in
# reading order. The article's headline figure is the mean of its sentences' scores;
# VADER on the whole text at once saturates towards ±1 on long articles.

# %%
views.show(views.sentiment_summary(metrics))

# %%
views.show(views.sentiment_arc_figure(metrics))

# %%
views.show(views.sentiment_distribution_figure(metrics))

# %% [markdown]
# ### Most positive sentences

# %%
views.show(views.extreme_sentences(metrics, 3, "positive"))

# %% [markdown]
# ### Most negative sentences

# %%
views.show(views.extreme_sentences(metrics, 3, "negative"))

# %% [markdown]
# ## Who speaks
#
# Every quotation and paraphrase attributed to someone, grouped into distinct sources.
# Roles (government, military, civilian, ...) and sides come from the codebook; the
# rule that decided each is in the table. Diversity indices are computed over the
# sources of known role or side (see `docs/metrics.md`).

# %%
views.show(views.diversity_table(metrics))

# %%
views.show(views.source_mix_figure(metrics))

# %%
views.show(views.sources_table(metrics))

# %% [markdown]
# ### Quotes in order

# %%
views.show(views.quotes_table(metrics))

# %% [markdown]
# ## Civilian voice
#
# How much ordinary people speak for themselves, where in the article they are first
# heard, and whether they appear as persons (name, age, occupation, place, family). The
# strip shows the article paragraph by paragraph, coloured by the roles speaking.

# %%
views.show(views.civilian_summary(metrics))

# %%
views.show(views.voice_strip_figure(metrics))

# %%
views.show(views.humanisation_table(metrics))

# %% [markdown]
# ## How harm is told
#
# Each mention of harm to people, classed by its grammatical construction and grouped by
# the victims' side. "Agentless" mentions name no perpetrator ("were killed", "the death
# toll rose").

# %%
views.show(views.framing_table(metrics))

# %%
views.show(views.framing_figure(metrics))

# %% [markdown]
# ## Corrected by the coders
#
# With the parameter `corrections` (a coding sheet from `mediakit codesheet`, coded by
# hand), who speaks, civilian voice and framing are recomputed with the coders' codes
# where they gave them; mediakit's figures and the corrected ones side by side. The
# provenance records the sheet's SHA-256 and which rows were corrected.

# %%
views.show(views.corrections_table(metrics))

# %% [markdown]
# ## Provenance
#
# What made these figures: mediakit's version and git commit, the versions of the
# libraries that can change a number, the parameters, the SHA-256 of the input and of
# this notebook. The same input with the same parameters and software gives a
# byte-identical `metrics.json`.

# %%
views.show(views.provenance_table(metrics))
