-- An organisation's short name as people read it in each language: NATO is OTAN in Spanish,
-- Portuguese and French, the OAS is the OEA. The code (NATO, OAS) stays the stable id; a state
-- has none. The starter data set carries them (data/starter/organizations.json); a database
-- loaded before this migration gets them here.
ALTER TABLE actors
  ADD COLUMN abbreviation_en text CHECK (length(abbreviation_en) BETWEEN 1 AND 32),
  ADD COLUMN abbreviation_es text CHECK (length(abbreviation_es) BETWEEN 1 AND 32),
  ADD COLUMN abbreviation_pt text CHECK (length(abbreviation_pt) BETWEEN 1 AND 32),
  ADD COLUMN abbreviation_fr text CHECK (length(abbreviation_fr) BETWEEN 1 AND 32);

UPDATE actors a
   SET abbreviation_en = v.en, abbreviation_es = v.es, abbreviation_pt = v.pt, abbreviation_fr = v.fr
  FROM (VALUES
    ('NATO', 'NATO', 'OTAN', 'OTAN', 'OTAN'),
    ('UNASUR', 'UNASUR', 'UNASUR', 'UNASUL', 'UNASUR'),
    ('PROSUR', 'PROSUR', 'PROSUR', 'PROSUL', 'PROSUR'),
    ('MERCOSUR', 'MERCOSUR', 'MERCOSUR', 'MERCOSUL', 'MERCOSUR'),
    ('ALBA', 'ALBA-TCP', 'ALBA-TCP', 'ALBA-TCP', 'ALBA-TCP'),
    ('CELAC', 'CELAC', 'CELAC', 'CELAC', 'CELAC'),
    ('OAS', 'OAS', 'OEA', 'OEA', 'OEA'),
    ('EU', 'EU', 'UE', 'UE', 'UE'),
    ('BRICS', 'BRICS', 'BRICS', 'BRICS', 'BRICS')
  ) AS v(code, en, es, pt, fr)
 WHERE a.code = v.code AND a.type = 'organization';
