#!/usr/bin/env python3
"""Writes the real-shaped member lists of RealFilesImportTests into Fixtures/real/ (committed; run
again only to change them):

    apt-get install -y --no-install-recommends libreoffice-calc   # only here, never in test.sh
    python3 make-real-files.py

The .xlsx files are really saved by LibreOffice Calc: each list is written as a flat OpenDocument
spreadsheet (.fods: title rows, merged cells, hidden columns, several sheets, real dates, numbers and
formulas as a centre's file has them) and converted by `soffice --headless --convert-to xlsx`. The
.csv files are what a French Excel writes for « CSV (séparateur : point-virgule) »: Windows-1252, ";",
CRLF, numbers as Excel shows them (33612345678 once the "+" is lost).

The expected outcome of each file (created, duplicates, warnings, errors with their line numbers)
is written by hand in RealFilesImportTests, from the comments below, not computed from these lists.
"""
import os
import shutil
import subprocess
import tempfile
from xml.sax.saxutils import escape

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "real")

NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
      'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
      'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
      'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
      'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
      'xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0" '
      'xmlns:of="urn:oasis:names:tc:opendocument:xmlns:of:1.2"')

STYLES = """<office:automatic-styles>
<number:date-style style:name="Ndate"><number:day number:style="long"/><number:text>/</number:text><number:month number:style="long"/><number:text>/</number:text><number:year number:style="long"/></number:date-style>
<style:style style:name="date" style:family="table-cell" style:data-style-name="Ndate"/>
<style:style style:name="bold" style:family="table-cell"><style:text-properties fo:font-weight="bold"/></style:style>
<style:style style:name="col" style:family="table-column"><style:table-column-properties style:column-width="3.5cm"/></style:style>
</office:automatic-styles>"""


# Cells: "text", None (empty), D("1985-03-12") a real date, N(33612345678) a number,
# F("of:=COUNTA([.A2:.A6])", 5) a formula with its value, M("title", 6) a cell merged over 6 columns.
class D(str):
    pass


class N(float):
    pass


class F:
    def __init__(self, formula, value):
        self.formula, self.value = formula, value


class M:
    def __init__(self, text, span):
        self.text, self.span = text, span


def cell(value):
    if value is None:
        return "<table:table-cell/>"
    if isinstance(value, D):
        d, m, y = value[8:10], value[5:7], value[0:4]
        return f'<table:table-cell table:style-name="date" office:value-type="date" office:date-value="{value}"><text:p>{d}/{m}/{y}</text:p></table:table-cell>'
    if isinstance(value, N):
        v = int(value) if value == int(value) else value
        return f'<table:table-cell office:value-type="float" office:value="{v}"><text:p>{v}</text:p></table:table-cell>'
    if isinstance(value, F):
        return f'<table:table-cell table:formula="{escape(value.formula)}" office:value-type="float" office:value="{value.value}"><text:p>{value.value}</text:p></table:table-cell>'
    if isinstance(value, M):
        return (f'<table:table-cell table:style-name="bold" table:number-columns-spanned="{value.span}" office:value-type="string"><text:p>{escape(value.text)}</text:p></table:table-cell>'
                f'<table:covered-table-cell table:number-columns-repeated="{value.span - 1}"/>')
    return f'<table:table-cell office:value-type="string"><text:p>{escape(str(value))}</text:p></table:table-cell>'


def sheet(name, rows, hidden=()):
    width = max((sum(c.span if isinstance(c, M) else 1 for c in r) for r in rows), default=1)
    collapse = ' table:visibility="collapse"'
    columns = "".join(f'<table:table-column table:style-name="col"{collapse if i in hidden else ""}/>' for i in range(width))
    body = "".join("<table:table-row>" + ("".join(cell(c) for c in r) if r else "<table:table-cell/>") + "</table:table-row>" for r in rows)
    return f'<table:table table:name="{escape(name)}">{columns}{body}</table:table>'


def workbook(name, *sheets):
    xml = (f'<?xml version="1.0" encoding="UTF-8"?><office:document {NS} office:version="1.2" '
           f'office:mimetype="application/vnd.oasis.opendocument.spreadsheet">{STYLES}'
           f'<office:body><office:spreadsheet>{"".join(sheets)}</office:spreadsheet></office:body></office:document>')
    WORKBOOKS[name] = xml


def csv(name, lines):
    with open(os.path.join(OUT, name), "wb") as f:
        f.write("".join(line + "\r\n" for line in lines).encode("cp1252"))


WORKBOOKS = {}
os.makedirs(OUT, exist_ok=True)

# 1. Title rows, a blank line, the header on line 4, a total line. 8 persons, all fine.
workbook("titre-et-total", sheet("Adhérents", [
    [M("Liste des adhérents — Centre social Les Oliviers", 7)],
    ["Extraction du 01/10/2026"],
    [],
    ["Nom", "Prénom", "Date de naissance", "Sexe", "Ville", "Portable", "E-mail"],
    ["MARTIN", "Jeanne", D("1950-07-05"), "Femme", "Lille", "06 12 34 56 01", "jeanne.martin@example.org"],  # 5
    ["MARTIN", "Paul", D("1952-08-06"), "Homme", "Lille", None, None],
    ["OUARDI", "Lina", D("2015-10-15"), "Femme", "Ronchin", None, None],
    ["OUARDI", "Yanis", D("2012-03-02"), "Homme", "Ronchin", "06 12 34 56 02", None],
    ["LEROY", "Chantal", D("1961-11-30"), "Femme", "Faches-Thumesnil", None, None],
    ["LEROY", "Bernard", D("1959-01-14"), "Homme", "Faches-Thumesnil", None, None],
    ["NAÏT", "Samia", D("1988-04-22"), "Femme", "Lille", "07 61 23 45 67", "samia.nait@example.org"],
    ["NAÏT", "Adam", D("2019-09-09"), "Homme", "Lille", None, None],  # 12
    [],
    ["Total : 8 adhérents", None, F("of:=COUNTA([.C5:.C12])", 8)],  # 14: total line
]))

# 2. Two merged title rows, header on line 3, Excel-mangled phones as numbers, « Tél. domicile »,
#    a « Groupe(s) » column with unknown groups (« Atelier cuisine » on lines 6 and 7, « Théâtre » on 8).
workbook("fusion-titre-groupes", sheet("Inscriptions", [
    [M("CENTRE SOCIAL DU MARAIS — FICHIER DES ADHÉRENTS", 8)],
    [M("Année 2026-2027", 8)],
    ["NOM", "Prénom", "Né(e) le", "Portable", "Tél. domicile", "Courriel", "Groupe(s)", "N° adhérent"],
    ["GARCIA", "Inès", D("1990-02-11"), N(33652061785), "03 20 11 22 33", "ines.garcia@example.org", "Jeunesse, Culture", "A-001"],  # 4
    ["GARCIA", "Tiago", D("2014-06-01"), N(612345678), None, None, "petite-enfance / jeunesse", "A-002"],
    ["GARCIA", "Lola", D("2018-12-24"), None, None, None, "Atelier cuisine", "A-003"],
    ["BERNARD", "Hugo", D("1979-05-05"), "+33 (0)6 11 22 33 44", N(320445566), None, "RSA; atelier cuisine", "A-004"],
    ["BERNARD", "Zoé", D("2011-07-07"), None, None, None, "Théâtre", "A-005"],
    ["COLIN", "Maëlle", D("1995-09-09"), "0033 6 22 33 44 55", None, "maelle.colin@example.org", None, "A-006"],  # 9
]))

# 3. The list on the second sheet (a « Mode d'emploi » sheet first, statistics after). 5 persons.
workbook("deuxieme-feuille",
         sheet("Mode d'emploi", [["Cette liste est à usage interne."], ["Nom : le nom de famille en majuscules."], ["Ne pas diffuser."]]),
         sheet("Inscrits 2026", [
             ["Nom", "Prénom", "Date de naissance", "Ville"],
             ["FONTAINE", "Claire", D("1983-03-03"), "Lille"],
             ["FONTAINE", "Arthur", D("2010-10-10"), "Lille"],
             ["FONTAINE", "Jade", D("2013-01-13"), "Lille"],
             ["ROGER", "Monique", D("1947-04-04"), "Ronchin"],
             ["ROGER", "Marcel", D("1945-05-05"), "Ronchin"],
         ]),
         sheet("Stats", [["Total", N(5)], ["Lille", N(3)], ["Ronchin", N(2)]]))

# 4. Hidden columns (« N° dossier » and « Remarques internes » are hidden in the sheet, still read),
#    statuts written loosely; « Tante » is unknown (a warning). 5 persons.
workbook("colonnes-masquees", sheet("Liste", [
    ["N° dossier", "Nom", "Prénom", "Date de naissance", "Remarques internes", "Portable", "Statut"],
    [N(1001), "HENRY", "Sandrine", D("1981-08-08"), "Dossier CAF en cours", "06 98 76 54 01", "Mère"],
    [N(1002), "HENRY", "Lucas", D("2012-02-02"), None, None, "Enfant à charge"],
    [N(1003), "HENRY", "Marc", D("1979-09-19"), None, None, "pere"],
    [N(1004), "HENRY", "Josette", D("1950-12-12"), None, None, "Grand mère"],
    [N(1005), "HENRY", "Julie", D("1990-06-06"), None, None, "Tante"],
], hidden={0, 4}))

# 5. « NOM Prénom » in one column, dates as text in several formats and one real date.
#    Line 8: 31/02/2020 does not exist; line 9: no prénom. 6 persons, 2 errors.
workbook("nom-prenom-une-colonne", sheet("Feuille1", [
    ["NOM Prénom", "Date de naissance", "Sexe", "Téléphone"],
    ["DUPONT Jean", "12/03/1985", "M", None],
    ["DE LA FONTAINE Marie-Anne", "1985-03-12", "F", None],
    ["LEBLANC Éric", "12-03-85", "h", None],
    ["ROUX Anaïs", "12 mars 1990", "f", None],
    ["PETIT Noé", "5.6.2017", "garçon", None],
    ["FAURE Léa", D("2001-01-31"), "Fille", None],
    ["MOREL Tom", "31/02/2020", "M", None],  # 8: error
    ["BLANC", "01/01/1990", "M", None],  # 9: error
]))

# 6. Phones as spreadsheets leave them. Every person is registered (12); warnings on lines 8 (0611),
#    10 (07 11… does not exist), 11 (e-mail), 12 (the mobile of line 11), 13 (e-mail with a
#    right-to-left override). Line 7 is corrected to Guadeloupe (+590), line 9 is a landline.
workbook("telephones-excel", sheet("Contacts", [
    ["Nom", "Prénom", "Date de naissance", "Portable", "E-mail"],
    ["ROBERT", "Sophie", D("1980-01-01"), N(33652061785), None],  # 2
    ["ROBERT", "Lucas", D("2010-01-01"), N(652061786), None],
    ["SIMON", "Aïcha", D("1975-01-01"), "0033 6 52 06 17 87", None],
    ["SIMON", "Karim", D("1972-01-01"), "+33 (0)6 52 06 17 88", None],
    ["MICHEL", "Rose", D("1968-01-01"), "06/52/06/17/89", None],
    ["MICHEL", "Jules", D("1966-01-01"), "+33 6 90 12 34 56", None],  # 7: +590
    ["THOMAS", "Yasmine", D("1990-01-01"), "0611", None],  # 8: warning
    ["THOMAS", "Naël", D("2016-01-01"), "04 91 12 34 56", None],  # 9: landline
    ["DAVID", "Inès", D("1985-01-01"), "07 11 22 33 44", None],  # 10: warning
    ["DAVID", "Malik", D("1983-01-01"), "06 52 06 17 90", "malik@@example"],  # 11: warning
    ["DAVID", "Sami", D("2012-01-01"), "06 52 06 17 90", None],  # 12: warning
    ["GIRAUD", "Paul", D("1950-01-01"), "06 52 06 17 91", "paul\u202egro@example.org"],  # 13: warning
]))

# 7. Duplicates: the badly written line comes first. Line 3 is kept over line 2 (accents, case),
#    line 4 repeats line 3; line 5 (the son) has his mother's mobile: registered without it.
#    Line 6 is kept over 7 and 8. 3 persons, 4 duplicates, 1 warning.
workbook("doublons", sheet("Adhérents", [
    ["Nom", "Prénom", "Date de naissance", "Portable", "Ville"],
    ["dupont", "helene", D("1970-02-01"), None, None],  # 2
    ["DUPONT", "Hélène", D("1970-02-01"), "06 70 00 00 01", "Lille"],  # 3: kept
    ["DUPONT", "Hélène", D("1970-02-01"), None, None],  # 4
    ["DUPONT", "Théo", D("2005-05-05"), "06 70 00 00 01", None],  # 5
    ["MOREAU", "Jean-Luc", D("1960-06-06"), "06 70 00 00 02", "Lille"],  # 6: kept
    ["MOREAU", "JEAN LUC", D("1960-06-06"), None, "Ronchin"],  # 7
    ["moreau", "jean-luc", D("1960-06-06"), "0670000003", None],  # 8
]))

# 8. Errors with their line numbers (2 no nom, 3 no prénom, 4 31/02, 5 future, 6 before 1900,
#    8 no date); line 7 has an unusable phone: registered with a warning. 1 person, 6 errors.
workbook("erreurs", sheet("Feuil1", [
    ["Nom", "Prénom", "Date de naissance", "Portable"],
    [None, "Marc", D("1980-01-01"), None],
    ["LAMBERT", None, D("1980-01-01"), None],
    ["LAMBERT", "Anne", "31/02/2020", None],
    ["LAMBERT", "Bébé", D("2099-01-01"), None],
    ["LAMBERT", "Aïeul", D("1850-05-05"), None],
    ["LAMBERT", "Rémi", D("1990-10-10"), "pas de téléphone"],
    ["LAMBERT", "Sans", None, None],
]))

# 9. Totals and a footer below the data: a blank line, « Nombre d'inscrits » (a formula),
#    « Sous-total femmes », a line of numbers only, « Document édité le… ». 5 persons, 4 lines skipped.
workbook("totaux-pied-de-page", sheet("Adhérents", [
    ["Nom", "Prénom", "Date de naissance", "Sexe", "Ville"],
    ["LEGRAND", "Alice", D("1991-01-01"), "Femme", "Lille"],
    ["LEGRAND", "Bruno", D("1989-02-02"), "Homme", "Lille"],
    ["LEGRAND", "Chloé", D("2016-03-03"), "Femme", "Lille"],
    ["MASSON", "Denise", D("1955-04-04"), "Femme", "Ronchin"],
    ["MASSON", "Émile", D("2020-05-05"), "Homme", "Ronchin"],
    [],
    ["Nombre d'inscrits", None, None, None, F("of:=COUNTA([.A2:.A6])", 5)],  # 8
    ["Sous-total femmes", N(3)],  # 9
    [None, None, None, N(3), N(2)],  # 10
    ["Document édité le 01/10/2026 par le centre social"],  # 11
]))

# 10. French Excel CSV: a title line and an empty line (Excel keeps the separators), header on line 3,
#     « Tél. domicile » beside « Portable », mangled phones, a person without a date (line 8), a total.
csv("excel-titre.csv", [
    "Liste des adhérents;;;;;;",
    ";;;;;;",
    "Nom;Prénom;Date de naissance;Sexe;Ville;Portable;Tél. domicile",
    "LEFÈVRE;Élodie;12/03/1990;F;Lille;33612345601;0320123456",
    "LEFÈVRE;Noé;01/02/2016;M;Lille;;",
    "BÉNARD;François;30/11/1985;H;Ronchin;612345602;",
    "GAUTHIER;Amélie;5/6/1979;Femme;Faches-Thumesnil;06.12.34.56.03;03 20 99 88 77",
    "GAUTHIER;Léon;;M;;;",  # 8: error
    ";;;;;;",
    "Total;4;;;;;",  # 10
])

# 11. French Excel CSV with a « Groupe » column (case, hyphens, « / »), « Fixe », « Mail »:
#     line 5 has an unusable e-mail and an unknown group, line 6 the mobile of line 5. 5 persons.
csv("excel-groupes.csv", [
    "Nom;Prénom;Né le;Groupe;Portable;Fixe;Mail",
    "CARON;Julie;14/07/1984;Jeunesse;06 33 44 55 01;;julie.caron@example.org",
    "CARON;Enzo;03/03/2013;JEUNESSE;;;",
    "CARON;Mia;08/08/2019;Petite-Enfance;;;",
    "PERRIN;Alain;22/02/1958;Culture/Atelier couture;06 33 44 55 02;04 91 00 00 01;alain.perrin@example",
    "PERRIN;Odile;23/03/1960;culture;0633445502;;",
])

# 12. French Excel CSV, « NOM Prénom » in one column, dates as text in several formats, a registration
#     date of 01/01/0001 (an empty Excel date: a warning, today's date used); line 8 has no prénom.
csv("excel-dates-texte.csv", [
    "NOM Prénom;Date de naissance;Date d'inscription;Téléphone portable;Adresse e-mail",
    "VIDAL Marc;26/06/1975 00:00:00;01/09/2025;;marc.vidal@example.org",
    "VIDAL Emma;1er mars 2012;01/01/0001;;",
    "VIDAL Tom;12-mars-2015;;;",
    "KHELIF Nora;15 fevrier 1992;;06 44 55 66 77;",
    "KHELIF Amine;1992-08-20;;;",
    "MARCHAND Lou;20/08/92;;;",
    "MARCHAND;01/01/1990;;;",  # 8: error
])

soffice = shutil.which("soffice") or shutil.which("libreoffice")
if soffice is None:
    raise SystemExit("LibreOffice Calc is needed: apt-get install -y --no-install-recommends libreoffice-calc")
with tempfile.TemporaryDirectory() as tmp:
    for name, xml in WORKBOOKS.items():
        with open(os.path.join(tmp, name + ".fods"), "w", encoding="utf-8") as f:
            f.write(xml)
    subprocess.run([soffice, f"-env:UserInstallation=file://{tmp}/profile", "--headless", "--convert-to", "xlsx:Calc MS Excel 2007 XML",
                    "--outdir", OUT] + [os.path.join(tmp, n + ".fods") for n in WORKBOOKS], check=True)
for name in WORKBOOKS:
    assert os.path.exists(os.path.join(OUT, name + ".xlsx")), name
print(f"{len(WORKBOOKS)} workbooks and 3 CSV files written to {OUT}")
