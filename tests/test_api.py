"""The public API re-exported from mediakit/__init__.py."""

import subprocess
import sys

import mediakit


def test_every_public_name_resolves():
    for name in mediakit.__all__:
        assert getattr(mediakit, name) is not None, name


def test_analyze_frame_is_public_and_pandas_waits_for_it():
    code = ("import sys, mediakit; assert 'pandas' not in sys.modules; "
            "f = mediakit.analyze_frame; assert 'pandas' in sys.modules; print(f.__name__)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout
    assert out.strip() == "analyze_frame"


def test_readability_and_sentiment_are_the_functions():
    assert mediakit.readability("The cat sat. The dog ran.").counts.sentences == 2
    assert mediakit.sentiment("The food is good.").mean_compound == 0.4404
