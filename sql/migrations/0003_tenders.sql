-- 0003_tenders: where a tender (or any decision) is published in the
-- state's registries, as structured fields instead of words in the text.
--
--   diavgeia_ada  the decision's number on Diavgeia (ΑΔΑ), e.g. 9ΙΛ4ΩΡΙ-ΞΒ6
--                 (older form) or Ψ4ΔΘ46ΜΤΛ6-ΑΛ5 (current form): digits and
--                 capital Greek letters, a hyphen, one to three more.  Its
--                 page is https://diavgeia.gov.gr/decision/view/<ΑΔΑ>.
--   kimdis_adam   the notice's number in ΚΗΜΔΗΣ (ΑΔΑΜ): the year's two
--                 digits, PROC (a notice: requests, awards, contracts and
--                 payments have other letters) and nine digits, e.g.
--                 24PROC015123456.
--   esidis_no     the tender's system number in ΕΣΗΔΗΣ, a positive integer.
--
-- The codes are compared byte for byte (utf8mb4_bin): 9ιλ4ωρι-ξβ6 is not an
-- ΑΔΑ, and the CHECKs refuse it, as they refuse Latin look-alike letters.
-- The patterns end with \z (written '\\z' in SQL), not $: PCRE's $ also
-- matches before a final newline.
ALTER TABLE news
  ADD COLUMN diavgeia_ada VARCHAR(20) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NULL AFTER deadline,
  ADD COLUMN kimdis_adam  VARCHAR(20) CHARACTER SET ascii COLLATE ascii_bin NULL AFTER diavgeia_ada,
  ADD COLUMN esidis_no    INT UNSIGNED NULL AFTER kimdis_adam,
  ADD CONSTRAINT news_diavgeia_ada
    CHECK (diavgeia_ada REGEXP '^[0-9ΑΒΓΔΕΖΗΘΙΚΛΜΝΞΟΠΡΣΤΥΦΧΨΩ]{6,10}-[0-9ΑΒΓΔΕΖΗΘΙΚΛΜΝΞΟΠΡΣΤΥΦΧΨΩ]{1,3}\\z'),
  ADD CONSTRAINT news_kimdis_adam CHECK (kimdis_adam REGEXP '^[0-9]{2}PROC[0-9]{9}\\z'),
  ADD CONSTRAINT news_esidis_no CHECK (esidis_no BETWEEN 1 AND 99999999);
