"""Admin hooks of the crisis centre's pages: search and mobilise, the common table, drill
reports."""
