-- The accessibility statement follows the law of the body that runs the site (issue 11,
-- issue 17): 'pl' is the Polish act of 4 April 2019 with the ministry's structure, 'cs' is
-- zákon č. 99/2019 Sb. with the model of the Digitální a informační agentura. The request
-- and complaint procedure is the law's own text, kept in the locale bundles in both
-- languages, so the free-text columns that held a copy of it go.
ALTER TABLE statement ADD COLUMN operator TEXT NOT NULL DEFAULT 'pl' CHECK (operator IN ('pl', 'cs'));
-- The date the statement was drawn up (the Polish "data sporządzenia deklaracji").
ALTER TABLE statement RENAME COLUMN assessed_on TO prepared_on;
-- The last yearly review; both laws ask for one at least once a year.
ALTER TABLE statement ADD COLUMN reviewed_on TEXT NOT NULL DEFAULT '';
-- Who assessed the site when it was not a self-assessment (a11y-audytor).
ALTER TABLE statement ADD COLUMN auditor TEXT NOT NULL DEFAULT '';

-- entity: the body's name as the statement opens with it (a11y-podmiot); burden: content
-- left inaccessible as a disproportionate burden; exempt: content outside the law's scope;
-- apps: the body's mobile applications, or that it has none (a11y-aplikacje).
ALTER TABLE statement_texts ADD COLUMN entity TEXT NOT NULL DEFAULT '';
ALTER TABLE statement_texts ADD COLUMN burden TEXT NOT NULL DEFAULT '';
ALTER TABLE statement_texts ADD COLUMN exempt TEXT NOT NULL DEFAULT '';
ALTER TABLE statement_texts ADD COLUMN apps TEXT NOT NULL DEFAULT '';
ALTER TABLE statement_texts DROP COLUMN procedure;
ALTER TABLE statement_texts DROP COLUMN enforcement;

-- A site seeded before this migration: the body's name as the seed states it, and the
-- commitment sentence, which the page now builds from the law, taken out of the scope text.
UPDATE statement_texts SET entity = 'Stowarzyszenie Aglomeracja Opolska' WHERE lang = 'pl' AND entity = '';
UPDATE statement_texts SET entity = 'Sdružení Opolská aglomerace' WHERE lang = 'cs' AND entity = '';
UPDATE statement_texts SET body = 'Deklaracja dotyczy polskiej wersji językowej serwisu partnerstwa Aglomeracji Opolskiej i Aglomeracji Ołomunieckiej.'
	WHERE lang = 'pl' AND body LIKE 'Stowarzyszenie Aglomeracja Opolska zobowiązuje się zapewnić dostępność tej strony internetowej%';
UPDATE statement_texts SET body = 'Prohlášení se týká české jazykové verze webu partnerství Opolské a Olomoucké aglomerace.'
	WHERE lang = 'cs' AND body LIKE 'Sdružení Opolská aglomerace se zavazuje zajistit přístupnost těchto internetových stránek.%';

-- The seeded introduction of the statement page named a law of its own (the Czech one on
-- the Czech page, although the operator is Polish); the opening now names the operator's
-- law, so the introduction says only what follows.
UPDATE page_texts SET body = replace(body, 'Deklaracja dostępności została sporządzona zgodnie z ustawą z dnia 4 kwietnia 2019 r. o dostępności cyfrowej stron internetowych i aplikacji mobilnych podmiotów publicznych. Poniżej znajdziesz informacje o stanie dostępności serwisu, o tym, jak zgłosić problem z dostępnością, oraz o dostępności architektonicznej biura.',
	'Poniżej znajdują się informacje o stanie dostępności serwisu i o sposobie zgłaszania problemów z dostępnością.')
	WHERE lang = 'pl';
UPDATE page_texts SET body = replace(body, 'Toto prohlášení o přístupnosti je zpracováno podle zákona č. 99/2019 Sb., o přístupnosti internetových stránek a mobilních aplikací. Níže najdete informace o stavu přístupnosti webu, o tom, jak nahlásit problém s přístupností, a o fyzické přístupnosti kanceláře.',
	'Níže najdete informace o stavu přístupnosti webu a o tom, jak nahlásit problém s přístupností.')
	WHERE lang = 'cs';
