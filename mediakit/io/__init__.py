"""Input and output: article loaders (:mod:`.articles`) and atomic writers (:mod:`.writers`)."""
