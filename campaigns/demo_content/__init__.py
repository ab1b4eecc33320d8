"""Demo texts of the preparedness content, one module per section, in French, Dutch and
(where it matters most) English. Real advice, checked against the public guidance of the
Belgian and Brussels authorities; no telephone numbers other than 112 and 101."""
