"""The reports app's pages: the partner portal, and the analysis pages (retrieval, site report, transversal,
co-occurrence) that read the coded transcripts of the sites a member may see."""
