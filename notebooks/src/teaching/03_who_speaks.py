# %% [markdown] tags=["solution"]
# > **Solution notebook, for instructors.** Generated from
# > `notebooks/src/teaching/03_who_speaks.py`, like the student's copy in
# > `notebooks/teaching/`. Do not hand this one out.

# %% [markdown]
# # Exercise 3: Who speaks
#
# Whom a reporter quotes decides whose account of events readers hear (Sigal 1973). In
# this exercise you annotate the **attributions** of a short article by hand (who says
# what, and how), then compare your annotation with mediakit's and decide, for every
# disagreement, who was right. Both of you will make mistakes: the point is to see which
# ones, and why.
#
# *Time: about 60 minutes.*
#
# Three kinds of attribution:
#
# | kind | what it looks like |
# |---|---|
# | `direct` | a whole statement in quotation marks: “We have no water,” she said. |
# | `partial` | a few quoted words inside reported speech: he called the plan “a disgrace”. |
# | `indirect` | reported speech, no quotation marks: The ministry said it would send fuel. |
#
# Words in quotation marks are not always someone speaking: a reporter may put a term in
# quotation marks to keep it at arm's length ("scare quotes").

# %% tags=["parameters"]
article_path: "Optional[str]" = None  # article file (.txt .md .json); None: the exercise's teaching article
answer_key: "Optional[str]" = None  # answer key of who speaks, in the gold format (None: the teaching article's, or none for your own article)

# %%
from mediakit import teaching
from mediakit.run.params import check_notebook_parameters

P = check_notebook_parameters("03_who_speaks", globals())
DEFAULT = "quotes-baidoa-camp-water"
article = teaching.article_for_exercise(P["article_path"], DEFAULT)
key = teaching.key_for_exercise(P["article_path"], P["answer_key"], DEFAULT)
print(teaching.numbered_paragraphs(article))

# %% [markdown]
# ## 3.1 Annotate by hand
#
# Read the article and list every attribution, in reading order, as
# `(speaker, words, kind)`:
#
# - `speaker` is who speaks: their name when the article gives one (not "she", not their
#   job), otherwise the article's description ("an official at the ministry");
# - `words` is a few consecutive words of what they said, copied from the article;
# - `kind` is `"direct"`, `"partial"` or `"indirect"`.
#
# One item per speech verb: "she said X and that Y" is one item, and so is reported speech
# that ends in a few quoted words (a *partial* quote). A speaker who speaks again, with
# another verb, gets another item.

# %%
# your answer
### BEGIN STUDENT
mine = [
    # ("Speaker Name", "a few words they said", "direct"),
]
### END STUDENT
### BEGIN SOLUTION
mine = [
    ("Maryan Abdi Warsame", "We have water under our feet", "direct"),
    ("Maryan Abdi Warsame", "the diesel had been paid for by a foreign donor", "indirect"),
    ("Maryan Abdi Warsame", "Nobody has written back to us", "direct"),
    ("Hawa Ibrahim Adan", "too dirty to drink and too dear to waste", "partial"),
    ("Ahmed Ali Mursal", "If the fuel does not come by Friday", "direct"),
    ("Ahmed Ali Mursal", "some households had already packed their belongings", "indirect"),
    ("South West State's Ministry of Energy and Water Resources",
     "it would deliver 2,000 litres of diesel", "indirect"),
    ("an official at the ministry", "the first tanker had been held at a checkpoint",
     "indirect"),
    ("UN Office for the Coordination of Humanitarian Affairs",
     "Water trucking in the Bay region has fallen", "indirect"),
]
if P["article_path"] is not None:  # another article: start from the key, if there is one
    mine = [] if key is None else [(a.speaker, a.content, a.kind) for a in key.attributions]
### END SOLUTION

# %%
teaching.check_annotation(article, mine, key)

# %% [markdown] tags=["solution"]
# **Notes.** The scare quote “temporary” (paragraph 4) is not an attribution: nobody is
# saying it. Hawa Ibrahim Adan's sentence is one *partial* attribution (the quoted words
# sit inside her reported speech). The elder's warning opens paragraph 6 and its speaker
# is named only in the next sentence ("The warning came from ..."), without a speech
# verb. The camp director runs the camp for a charity, so her role is `ngo`, not
# `civilian`.

# %% [markdown]
# ## 3.2 mediakit's attributions, side by side
#
# `teaching.compare_with_mediakit` lines your annotation up with what mediakit found.
# `agreement` says whether you both have an attribution with the same speaker (`both`),
# the same words with another speaker (`speaker differs`), or only one of you has it.

# %%
import pandas as pd

pd.set_option("display.max_colwidth", 60)
table = teaching.compare_with_mediakit(article, mine)
table

# %% [markdown]
# ## 3.3 Who was right?
#
# For every row whose `agreement` is not `both`, decide who was right: `"mine"` (your
# annotation), `"mediakit"`, or `"neither"` (for example, the same words but both of you
# name the wrong speaker). A row that only mediakit has is `"mine"` if it is not an
# attribution at all (you were right to leave it out).

# %%
# your answer
### BEGIN STUDENT
verdicts = {
    # row number: "mine" | "mediakit" | "neither",
}
### END STUDENT
### BEGIN SOLUTION
# With the solution's annotation (the answer key), every disagreement is mediakit's
# error: it gives the elder's paragraph-opening quote to the previous speaker, and misses
# "who said" after a noun and "according to" after a long name.
verdicts = {row: "mine" for row in table.index if table.loc[row, "agreement"] != "both"}
verdicts
### END SOLUTION

# %%
teaching.check_verdicts(article, mine, verdicts, key)

# %% [markdown]
# ## 3.4 Roles
#
# Give every speaker a role from mediakit's codebook: government, military, armed_group,
# international, ngo, expert, media, civilian or unknown. (`mediakit.load_codebook().roles`
# prints their definitions.)

# %%
import mediakit

for role, definition in mediakit.load_codebook().roles.items():
    print(f"{role:14} {definition}")

# %%
# your answer
### BEGIN STUDENT
roles = {
    # "Speaker Name": "civilian",
}
### END STUDENT
### BEGIN SOLUTION
roles = {
    "Maryan Abdi Warsame": "ngo",
    "Hawa Ibrahim Adan": "civilian",
    "Ahmed Ali Mursal": "civilian",
    "South West State's Ministry of Energy and Water Resources": "government",
    "an official at the ministry": "government",
    "UN Office for the Coordination of Humanitarian Affairs": "international",
}
if P["article_path"] is not None:
    roles = {} if key is None else {s: key.role_of(s) for s in key.speakers()}
### END SOLUTION

# %%
teaching.check_roles(roles, key, article)

# %% [markdown]
# ## To write
#
# Which of mediakit's errors come from a rule (which one?), and which from something a
# rule cannot easily see? Which of your own first errors were the same as mediakit's?
# Would these errors change the article's civilian share of sources?
#
# *Your answer:*

# %% [markdown] tags=["solution"]
# **Points a good answer makes.** mediakit's rules attach a quote that opens a paragraph
# to the last speaker (right in most news prose, wrong here, where the speaker is named
# after the quote without a speech verb); they look for "according to" and "said" next to
# a name, and miss attributions phrased as nouns ("The warning came from"). People most
# often miss the indirect attributions (no quotation marks to catch the eye) and take the
# scare quote for speech. Giving the elder's words to Hawa Ibrahim Adan does not change
# the civilian share of sources (both are civilians) but does change who is heard.
