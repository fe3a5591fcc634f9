# %% [markdown] tags=["solution"]
# > **Solution notebook, for instructors.** Generated from
# > `notebooks/src/teaching/01_readability_by_hand.py`, like the student's copy in
# > `notebooks/teaching/`. Do not hand this one out.

# %% [markdown]
# # Exercise 1: Readability by hand
#
# Readability formulas turn three counts (words, sentences, syllables) into a grade or a
# score. In this exercise you make those counts yourself for one paragraph of a news
# article, compute the **Flesch reading ease** from them, and compare your figures with
# mediakit's. By the end you should be able to say what a readability score measures,
# and why two careful people (or two programs) can get different scores for the same text.
#
# *Time: about 45 minutes. You need: a little Python (variables, lists, arithmetic).*
#
# **How this works.** Each task ends with a cell that says `# your answer` and a *check
# cell*. Replace the `...` with your answer, run the cell, then run the check cell: it
# tells you whether you are right, nearly right or not yet, and where to look again. It
# never shows the answer, so try as often as you like.

# %% tags=["parameters"]
article_path: "Optional[str]" = None  # article file (.txt .md .json); None: the exercise's teaching article
paragraph: "Optional[int]" = None  # paragraph to count by hand, from 1 (None: the first of 35-90 words)

# %%
from mediakit import teaching
from mediakit.run.params import check_notebook_parameters

P = check_notebook_parameters("01_readability_by_hand", globals())
article = teaching.article_for_exercise(P["article_path"], "kherson-bus-station-officials")
number, text = teaching.pick_paragraph(article, P["paragraph"])
print(f"{article.title} ({article.outlet}), paragraph {number}:\n")
print(text)

# %% [markdown]
# ## 1.1 Words
#
# Count the words of the paragraph above. First decide what a word is (is "—" a word?
# "9"? is "cease-fire" one word or two?) and write your rule in a comment. The check
# tells you how the readability formulas count; where you disagree with their rule, you
# may keep your own count, and explain the difference in task 1.5.

# %%
# your answer
### BEGIN STUDENT
words = ...  # an integer
### END STUDENT
### BEGIN SOLUTION
# The rule the formulas use (textstat's): a word is whatever stands between spaces and
# still holds a letter or a digit once punctuation is removed. So "—" is not a word, "9"
# is one, and "cease-fire" is one word.
words = sum(1 for token in text.split() if any(ch.isalnum() for ch in token))
words
### END SOLUTION

# %%
teaching.check_word_count(text, words)

# %% [markdown]
# ## 1.2 Sentences
#
# Count the sentences. Careful with full stops that do not end a sentence.

# %%
# your answer
### BEGIN STUDENT
sentences = ...  # an integer
### END STUDENT
### BEGIN SOLUTION
# A sentence ends at ".", "!" or "?" followed by a space and a capital letter, except
# after an abbreviation ("a.m.", "U.S.", "Dr.") or an initial. mediakit's splitter
# (mediakit.text.segment) knows these; splitting at every full stop would not.
from mediakit.text import segment

sentences = len(segment(text).sentences)
sentences
### END SOLUTION

# %%
teaching.check_sentence_count(text, sentences)

# %% [markdown]
# ## 1.3 Syllables
#
# Count the syllables of every word and add them up. Say each word aloud. You can give
# your answer as a total, as a dict `{"word": syllables, ...}`, or as a Python function
# `count(word)` that returns the syllables of one word: with a dict or a function, the
# check tells you *which* words to look at again.
#
# Tip: a common rule of thumb is "one syllable per group of vowels, less a silent final
# e". `teaching.hand_syllables("fire")` applies it. Where does it go wrong?

# %%
# your answer
### BEGIN STUDENT
syllables = ...  # an integer, a dict, or a function
### END STUDENT
### BEGIN SOLUTION
# By hand: say every word aloud. The formulas (textstat's) take the first pronunciation
# in the CMU Pronouncing Dictionary; names not in it (such as "Mykolaiv") are guessed
# from hyphenation points, which can be wrong. The dictionary count of each word:
from mediakit.metrics.readability import syllable_count, word_syllables

per_word = {word: syllable_count(word) for word, _ in word_syllables(text)}
syllables = sum(syllable_count(word) for word, _ in word_syllables(text))
print(per_word)
syllables
### END SOLUTION

# %%
teaching.check_syllables(text, syllables)

# %% [markdown]
# If you gave a dict or a function, also turn it into a total now, for the next task.

# %%
# your answer
### BEGIN STUDENT
syllable_total = syllables if isinstance(syllables, int) else ...  # an integer
### END STUDENT
### BEGIN SOLUTION
syllable_total = syllables
### END SOLUTION

# %% [markdown]
# ## 1.4 Flesch reading ease
#
# Flesch (1948) scored a text by
#
# **FRE = 206.835 − 1.015 × (words ÷ sentences) − 84.6 × (syllables ÷ words)**
#
# 0-30 is "very difficult" (academic writing), 60-70 "standard", 90-100 "very easy".
# Compute it from **your** counts (the check uses your counts, so a counting slip above
# does not make this task wrong).

# %%
# your answer
### BEGIN STUDENT
fre = ...  # a number
### END STUDENT
### BEGIN SOLUTION
fre = 206.835 - 1.015 * (words / sentences) - 84.6 * (syllable_total / words)
round(fre, 2)
### END SOLUTION

# %%
teaching.check_flesch(words, sentences, syllable_total, fre)

# %% [markdown]
# ## 1.5 Compare with mediakit
#
# Now let mediakit score the same paragraph. `mediakit.readability` returns the scores and
# the counts behind them (`.counts`).

# %%
import mediakit

result = mediakit.readability(text, paragraphs=False)
print("Flesch reading ease:", result.flesch_reading_ease)
print("words:", result.counts.words, " sentences:", result.counts.sentences,
      " syllables:", result.counts.syllables)

# %% [markdown]
# Which of your three counts (`words`, `sentences`, `syllable_total`) differ from
# mediakit's? Answer with a set of names, for example `{"words", "syllables"}`, or
# `set()` if none does. If the feedback made you correct every count, the answer is
# `set()`; the differences you met on the way are for the question below.

# %%
# your answer
### BEGIN STUDENT
differ = ...  # a set of "words", "sentences", "syllables"
### END STUDENT
### BEGIN SOLUTION
counts = result.counts
differ = {name for name, mine in
          (("words", words), ("sentences", sentences), ("syllables", syllable_total))
          if mine != getattr(counts, name)}
differ
### END SOLUTION

# %%
teaching.check_count_differences(text, words, sentences, syllable_total, differ)

# %% [markdown]
# ## To write
#
# In three or four sentences: where did your counts and mediakit's differ (now, or before
# you corrected them), and which rule explains each difference? Would the difference change how you describe the paragraph
# (look at the bands above)? What does a readability formula *not* see in a text?
#
# *Your answer:*

# %% [markdown] tags=["solution"]
# **Points a good answer makes.** With the default paragraph, people most often differ on
# the syllables: the formulas give "Mykolaiv" only 2 (it is not in the CMU dictionary, so
# they guess from hyphenation), people say "fire" with one syllable where the dictionary
# has two, and a vowel-group count gives "missile" and "collapsed" one too many. Figures
# ("9") count as one-syllable words, "a.m." as one word and no sentence end. A
# difference of a few syllables moves the score by a few points, rarely across a band.
# The formulas see only lengths: not the order of ideas, jargon that is short ("IDF"),
# or how much the reader already knows (Flesch 1948; DuBay 2004).
