"""REFI-QDA 1.5 exchange: a study out as .qdpx (codebook alone as .qdc), and such files in.

Strict on the way out (every export validates against the official schemas before it is returned), tolerant
on the way in (the quirks of real producers are read, and what cannot be placed with certainty goes to the
needs-review list). Positions are code points into the plain text, end exclusive, as in the rest of the app.
"""
