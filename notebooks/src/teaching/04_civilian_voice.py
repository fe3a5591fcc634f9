# %% [markdown] tags=["solution"]
# > **Solution notebook, for instructors.** Generated from
# > `notebooks/src/teaching/04_civilian_voice.py`, like the student's copy in
# > `notebooks/teaching/`. Do not hand this one out.

# %% [markdown]
# # Exercise 4: Civilian voice
#
# Two articles report the same missile strike. One is built on officials' statements, the
# other on the people who were there. In this exercise you measure the difference with
# mediakit's **civilian voice** measures (whose sources are heard, and how much) and its
# **harm framing** measure (whether harm is told with or without naming who caused it),
# then write a short interpretation. Definitions and references: `docs/metrics.md`.
#
# *Time: about 60 minutes.* Each task has an answer cell and a check cell.

# %% tags=["parameters"]
article_a: "Optional[str]" = None  # first article (None: the official-heavy teaching article)
article_b: "Optional[str]" = None  # second article on the same event (None: the civilian-heavy teaching article)

# %%
import pandas as pd
from IPython.display import display

import mediakit
from mediakit import teaching
from mediakit.run.params import check_notebook_parameters

P = check_notebook_parameters("04_civilian_voice", globals())
a = teaching.article_for_exercise(P["article_a"], "kherson-bus-station-officials")
b = teaching.article_for_exercise(P["article_b"], "kherson-bus-station-civilians")
for label, article in (("A", a), ("B", b)):
    print(f"{label}: {article.title} ({article.outlet}, {article.date})")

# %% [markdown]
# ## Before measuring
#
# Read both articles (`print(teaching.numbered_paragraphs(a))`). Which one gives
# civilians more voice, and in what ways? Write down two predictions you can check with
# numbers.
#
# *Your predictions:*

# %% [markdown]
# ## The tables
#
# mediakit finds every attribution and gives each speaker a role. For each article you
# get three tables: `speakers` (one row per distinct source, with its `role`),
# `attributions` (one row per attribution, with `role` and `quoted_words`, the number of
# words inside quotation marks) and `mentions` (one row per mention of harm, with its
# `construction` and `agent`, who caused it, when the sentence says).

# %%
metrics = {"A": mediakit.analyze(a).to_dict(), "B": mediakit.analyze(b).to_dict()}
speakers = {k: pd.DataFrame(m["sources"]["speakers"],
                            columns=["speaker", "role", "side", "n_attributions"])
            for k, m in metrics.items()}
attributions = {k: pd.DataFrame(m["sources"]["attributions"],
                                columns=["speaker", "role", "kind", "quoted_words", "text"])
                for k, m in metrics.items()}
mentions = {k: pd.DataFrame(m["framing"]["mentions"],
                            columns=["trigger", "construction", "agent", "victims",
                                     "victim_side"])
            for k, m in metrics.items()}
speakers["A"]

# %% [markdown]
# ## 4.1 Civilians' share of sources
#
# What share of each article's distinct sources are civilians (a number between 0 and
# 1)? Use the `speakers` tables.

# %%
# your answer
### BEGIN STUDENT
source_share_a = ...
source_share_b = ...
### END STUDENT
### BEGIN SOLUTION
def civilian_share(table):
    return (table["role"] == "civilian").mean() if len(table) else None


source_share_a = civilian_share(speakers["A"])
source_share_b = civilian_share(speakers["B"])
source_share_a, source_share_b
### END SOLUTION

# %%
display(teaching.check_civilian_source_share(a, source_share_a))
display(teaching.check_civilian_source_share(b, source_share_b))

# %% [markdown]
# ## 4.2 Civilians' share of quoted words
#
# A source can be named once or quoted at length. What share of the words inside
# quotation marks are civilians' words? Use the `attributions` tables.

# %%
# your answer
### BEGIN STUDENT
word_share_a = ...
word_share_b = ...
### END STUDENT
### BEGIN SOLUTION
def civilian_word_share(table):
    civilian = table.loc[table["role"] == "civilian", "quoted_words"].sum()
    total = table["quoted_words"].sum()
    return civilian / total if total else None


word_share_a = civilian_word_share(attributions["A"])
word_share_b = civilian_word_share(attributions["B"])
word_share_a, word_share_b
### END SOLUTION

# %%
display(teaching.check_quoted_word_share(a, word_share_a))
display(teaching.check_quoted_word_share(b, word_share_b))

# %% [markdown]
# ## 4.3 Harm without a perpetrator
#
# "Seven people were killed" (a passive without "by ..."), "seven people died" (an
# intransitive verb) and "the deaths" (a noun) all tell harm without saying who caused
# it; "Russian forces struck the station" names the agent. What share of each article's
# harm mentions name no agent? Use the `mentions` tables: where no agent is named, the
# `agent` cell is missing (test it with `.isna()`, not `== None`).

# %%
mentions["A"]

# %%
# your answer
### BEGIN STUDENT
agentless_a = ...
agentless_b = ...
### END STUDENT
### BEGIN SOLUTION
def agentless_share(table):
    return table["agent"].isna().mean() if len(table) else None


agentless_a = agentless_share(mentions["A"])
agentless_b = agentless_share(mentions["B"])
agentless_a, agentless_b
### END SOLUTION

# %%
display(teaching.check_agentless_share(a, agentless_a))
display(teaching.check_agentless_share(b, agentless_b))

# %% [markdown]
# ## 4.4 Interpretation
#
# Write a paragraph (80-250 words) for a reader who has not seen the articles: how do
# the two articles differ in whom they let speak and how they tell the harm? Cite at
# least two of the figures you computed, and say what these measures cannot tell you.
# (The check looks at length, figures and a stated limit; your teacher judges the
# argument.)

# %%
# your answer
### BEGIN STUDENT
interpretation = """
"""
### END STUDENT
### BEGIN SOLUTION
def pct(share):
    return "n/a" if share is None else f"{share:.0%}"


interpretation = f"""
Both articles report the same strike, but they hear different people. In article A,
civilians are {pct(source_share_a)} of the sources and speak {pct(word_share_a)} of the
quoted words; in article B they are {pct(source_share_b)} of the sources and speak
{pct(word_share_b)} of the quoted words, so the people who were at the bus station are
heard in their own words mainly in B. The telling of harm differs too: {pct(agentless_a)}
of A's harm mentions name no perpetrator, against {pct(agentless_b)} in B, where the
missile and the forces that fired it are more often the subject of the sentence.
However, these are counts of one article each, and they cannot tell us why the
reporters chose their sources (access, deadline, the outlet's format), whether the
quotes are fair to the speakers, or how readers understood the stories.
"""
print(len(interpretation.split()), "words")
### END SOLUTION

# %%
figures = [teaching.exercise_figures(a), teaching.exercise_figures(b)]
teaching.check_interpretation(interpretation, figures)

# %% [markdown] tags=["solution"]
# **Points a good answer makes.** The official-heavy story quotes almost no civilians and
# gives them no quoted words; its first civilian voice comes near the end
# (`metrics["A"]["civilian_voice"]["first_voice"]`). The civilian-heavy story opens with
# a witness and humanises its sources (names, ages, work, home town). In the wire story
# every harm mention is agentless ("were killed", "died"), which is common in official
# and wire language and leaves the reader to infer who fired. Limits: a share of sources
# says nothing of how each is framed; mediakit's roles and agents come from rules and can
# be wrong (check them in the tables); two articles are not a sample of an outlet.
