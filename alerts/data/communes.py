"""The 19 communes of the Brussels-Capital Region.

NIS code (Statbel), French and Dutch names, postcodes, and an approximate centre
(latitude, longitude; WGS 84) used to place a marker, never for targeting.
"""

REGION_NIS_CODE = "04000"

COMMUNES = [
    ("21001", "Anderlecht", "Anderlecht", ["1070"], (50.8333, 4.3072)),
    ("21002", "Auderghem", "Oudergem", ["1160"], (50.8156, 4.4331)),
    ("21003", "Berchem-Sainte-Agathe", "Sint-Agatha-Berchem", ["1082"], (50.8656, 4.2947)),
    ("21004", "Bruxelles", "Brussel", ["1000", "1020", "1120", "1130"], (50.8467, 4.3525)),
    ("21005", "Etterbeek", "Etterbeek", ["1040"], (50.8361, 4.3861)),
    ("21006", "Evere", "Evere", ["1140"], (50.8700, 4.4022)),
    ("21007", "Forest", "Vorst", ["1190"], (50.8103, 4.3242)),
    ("21008", "Ganshoren", "Ganshoren", ["1083"], (50.8711, 4.3083)),
    ("21009", "Ixelles", "Elsene", ["1050"], (50.8272, 4.3717)),
    ("21010", "Jette", "Jette", ["1090"], (50.8783, 4.3250)),
    ("21011", "Koekelberg", "Koekelberg", ["1081"], (50.8622, 4.3292)),
    ("21012", "Molenbeek-Saint-Jean", "Sint-Jans-Molenbeek", ["1080"], (50.8547, 4.3217)),
    ("21013", "Saint-Gilles", "Sint-Gillis", ["1060"], (50.8272, 4.3458)),
    ("21014", "Saint-Josse-ten-Noode", "Sint-Joost-ten-Node", ["1210"], (50.8531, 4.3728)),
    ("21015", "Schaerbeek", "Schaarbeek", ["1030"], (50.8675, 4.3736)),
    ("21016", "Uccle", "Ukkel", ["1180"], (50.8000, 4.3372)),
    ("21017", "Watermael-Boitsfort", "Watermaal-Bosvoorde", ["1170"], (50.8000, 4.4167)),
    ("21018", "Woluwe-Saint-Lambert", "Sint-Lambrechts-Woluwe", ["1200"], (50.8439, 4.4292)),
    ("21019", "Woluwe-Saint-Pierre", "Sint-Pieters-Woluwe", ["1150"], (50.8322, 4.4431)),
]
