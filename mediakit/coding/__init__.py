"""The coding loop: sheets out for human coders, their codes back in.

``sheets``: coding sheets (one row per machine decision) written for coders;
``reading``: coded sheets read back and checked against the codebook;
``agreement``: inter-coder and machine-coder agreement;
``corrections``: the families recomputed with the coders' codes.
"""
