# %% [markdown] tags=["solution"]
# > **Solution notebook, for instructors.** Generated from
# > `notebooks/src/teaching/02_sentiment_limits.py`, like the student's copy in
# > `notebooks/teaching/`. Do not hand this one out.

# %% [markdown]
# # Exercise 2: What sentiment scores can and cannot tell
#
# mediakit scores sentiment with **VADER** (Hutto & Gilbert 2014), a lexicon of about
# 7,500 words rated from −4 to +4 plus rules for negation ("not good"), intensifiers
# ("very"), capitals, exclamation marks and "but". Its **compound** score runs from −1
# (most negative) to +1; mediakit calls a sentence positive at +0.05 or more and negative
# at −0.05 or less (VADER's own thresholds).
#
# You will predict VADER's verdicts, find the sentences it misreads, watch what happens
# when a whole article is scored at once, and compute the figure mediakit reports.
#
# *Time: about 45 minutes.* Each task has an answer cell and a check cell, as in
# exercise 1: the check tells you where to look again, never the answer.

# %% tags=["parameters"]
article_path: "Optional[str]" = None  # article file (.txt .md .json); None: the exercise's teaching article

# %%
from mediakit import teaching
from mediakit.run.params import check_notebook_parameters
from mediakit.metrics.sentiment import sentiment_of

P = check_notebook_parameters("02_sentiment_limits", globals())
article = teaching.article_for_exercise(P["article_path"], "kherson-bus-station-civilians")
print(article.title, f"({article.outlet})")

# %% [markdown]
# ## 2.1 Predict VADER
#
# For each sentence below, predict VADER's label: `"positive"`, `"negative"` or
# `"neutral"`. Predict first, *then* check; only after that, score them yourself with
# `sentiment_of(sentence)`.

# %%
SENTENCES = [
    "The talks were not a failure.",
    "Aid is not arriving.",
    "The new shelter is good, but the roof leaks.",
    "The evacuation was EXTREMELY slow!!!",
    "Seven people were killed in the strike.",
    "Nobody was hurt, thank God.",
]
for i, s in enumerate(SENTENCES):
    print(i, s)

# %%
# your answer
### BEGIN STUDENT
predictions = [..., ..., ..., ..., ..., ...]  # one label per sentence
### END STUDENT
### BEGIN SOLUTION
# Sentence 0: "failure" is negative and "not" flips it: positive.
# Sentence 1: no word of the lexicon ("arriving" is not in it): neutral.
# Sentence 2: "good" is positive, "leaks" is not in the lexicon: positive.
# Sentence 3: "slow" is not in the lexicon, so capitals and "!!!" have nothing to
#             intensify: neutral.
# Sentence 4: "killed" is in the lexicon: negative.
# Sentence 5: "nobody" is not in VADER's negation list, so "hurt" stays -2.4; "thank"
#             (+1.5) and "God" (+1.1) outweigh it by 0.2: compound 0.05, just positive.
predictions = ["positive", "neutral", "positive", "neutral", "negative", "positive"]
### END SOLUTION

# %%
teaching.check_label_predictions(SENTENCES, predictions)

# %%
# Now look at the scores themselves.
for s in SENTENCES:
    print(f"{sentiment_of(s)['compound']:+.4f}  {s}")

# %% [markdown]
# ## 2.2 Where VADER misreads
#
# A careful reader labelled the sentences below (`READER`). Which of them does VADER
# label differently? Answer with the set of their positions, e.g. `{0, 5}`.

# %%
READER_SENTENCES = [
    "Great, another night in the basement.",
    "The shelling did not stop until dawn.",
    "Thank God the children slept through it.",
    "Lovely weather for a funeral.",
    "The ceasefire held for a whole hour. Impressive.",
    "Rescuers pulled two girls alive from the rubble.",
    "We lost everything.",
    "Talks will resume on Monday.",
]
READER = ["negative", "negative", "positive", "negative", "negative", "positive",
          "negative", "neutral"]
for i, (s, label) in enumerate(zip(READER_SENTENCES, READER)):
    print(i, f"[{label}]", s)

# %%
# your answer
### BEGIN STUDENT
misread = ...  # a set of positions
### END STUDENT
### BEGIN SOLUTION
misread = {i for i, (s, label) in enumerate(zip(READER_SENTENCES, READER))
           if teaching.vader_label(s) != label}
misread
### END SOLUTION

# %%
teaching.check_misreadings(READER_SENTENCES, READER, misread)

# %% [markdown]
# What do the misread sentences have in common? (Irony; negation of a word that is not
# in the lexicon; ...) *Your answer:*

# %% [markdown] tags=["solution"]
# **Solution.** Sentences 0, 3 and 4 are ironic: VADER sees "great", "lovely",
# "impressive" and cannot see the irony. Sentence 1 negates "stop", which is in the
# lexicon as negative, so "did not stop" comes out positive although the shelling went
# on. A word-counting method reads words, not situations.

# %% [markdown]
# ## 2.3 Long texts saturate
#
# VADER was built for short texts. Score the article's opening sentences *as one text*:
# first sentence 1, then sentences 1-2, then 1-3, and so on. After how many sentences
# does the compound reach 0.9 in absolute value (≥ 0.9 or ≤ −0.9)? Answer `None` if it
# never does.
#
# `doc.sentences[k - 1].end` is where sentence k ends, so `doc.text[:end]` is the text of
# the first k sentences.

# %%
from mediakit.text import segment

doc = segment(article.body)
print(len(doc.sentences), "sentences")

# %%
# your answer
### BEGIN STUDENT
k_saturated = ...  # a number of sentences, or None
### END STUDENT
### BEGIN SOLUTION
k_saturated = None
for k in range(1, len(doc.sentences) + 1):
    if abs(sentiment_of(doc.text[: doc.sentences[k - 1].end])["compound"]) >= 0.9:
        k_saturated = k
        break
k_saturated
### END SOLUTION

# %%
teaching.check_saturation(article, k_saturated)

# %% [markdown]
# ## 2.4 The mean of sentence scores
#
# mediakit therefore reports the **mean of the sentences' compound scores**, which does
# not grow with length. Compute it: score every sentence of `doc` with `sentiment_of`,
# and average the compounds.

# %%
# your answer
### BEGIN STUDENT
mean_compound = ...  # a number
### END STUDENT
### BEGIN SOLUTION
compounds = [sentiment_of(s.text)["compound"] for s in doc.sentences]
mean_compound = sum(compounds) / len(compounds)
round(mean_compound, 4)
### END SOLUTION

# %%
teaching.check_sentence_mean(article, mean_compound)

# %%
import mediakit

whole = sentiment_of(article.body)["compound"]
print(f"whole text at once: {whole:+.4f}")
print(f"mean of sentences:  {mediakit.sentiment(article.body).mean_compound:+.4f}")

# %% [markdown]
# ## To write
#
# An article scores −0.99 as a whole and −0.16 as a mean of its sentences. Which figure
# would you use to compare a 300-word brief with a 3,000-word feature, and why? Name two
# things a sentiment score of a war report can *not* tell you.
#
# *Your answer:*

# %% [markdown] tags=["solution"]
# **Points a good answer makes.** The whole-text compound is a normalised sum: it runs
# towards ±1 as words accumulate, so a long article is "very negative" almost whatever it
# says; the sentence mean does not depend on length, so it is the one to compare. A
# sentiment score cannot tell *whose* suffering or success a sentence describes, whether
# the tone is the reporter's or a source's, irony, or whether negative words are the
# facts of a war rather than the outlet's stance (the tone of the events, not of the
# coverage).
