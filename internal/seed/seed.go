// Package seed holds the content aglo starts with: everything the original Polish page
// "Historia współpracy" of the Aglomeracja Opolska office says, and the dated facts gathered
// with their sources in shared/seed/facts.md, written anew in Polish and in Czech.
//
// Only facts from those two sources are here. What nobody has told us (the dates and the
// contact person of the accessibility statement, the Czech office's e-mail address, the
// physical accessibility of the offices) is left empty for staff to fill in.
package seed

import (
	"slices"

	"github.com/aglo/aglo/internal/content"
)

// Site returns the content the site starts with: the five fixed pages, the three joint
// projects, the seven dated events of the timeline, the offices of both partners and the
// accessibility statement, all in Polish and Czech and published. Every call builds new
// maps and slices, so callers may change what they get.
func Site() content.Site {
	return content.Site{
		Pages:     pages(),
		Projects:  projects(),
		Events:    events(),
		Offices:   offices(),
		Statement: statement(),
	}
}

// published returns a language version that is ready to be shown.
func published(title, slug, summary, body string) content.Text {
	return content.Text{Title: title, Slug: slug, Summary: summary, Body: body, Published: true}
}

func bilingual[T any](pl, cs T) map[content.Lang]T {
	return map[content.Lang]T{content.PL: pl, content.CS: cs}
}

func page(id int64, key content.PageKey, pl, cs content.Text) content.Page {
	return content.Page{ID: id, Key: key, Version: 1, Text: bilingual(pl, cs)}
}

func pages() map[content.PageKey]content.Page {
	ps := []content.Page{
		page(1, content.PageHome,
			published("Aglomeracja Opolska i Aglomeracja Ołomuniecka", "strona-glowna",
				"Polsko-czeskie partnerstwo Aglomeracji Opolskiej i Aglomeracji Ołomunieckiej: współpraca od 2016 roku i wspólne projekty INTERREG V-A.",
				homePL),
			published("Opolská a Olomoucká aglomerace", "uvodni-stranka",
				"Česko-polské partnerství Opolské a Olomoucké aglomerace: spolupráce od roku 2016 a společné projekty programu Interreg V-A.",
				homeCS)),
		page(2, content.PageHistory,
			published("Historia współpracy", "historia-wspolpracy",
				"Od porozumienia z 2016 roku do wspólnych projektów: jak rozwijała się współpraca Aglomeracji Opolskiej i Aglomeracji Ołomunieckiej.",
				historyPL),
			published("Historie spolupráce", "historie-spoluprace",
				"Od dohody z roku 2016 ke společným projektům: jak se vyvíjela spolupráce Opolské a Olomoucké aglomerace.",
				historyCS)),
		page(3, content.PageProjects,
			published("Projekty", "projekty",
				"Wspólne projekty Aglomeracji Opolskiej i Aglomeracji Ołomunieckiej w Programie INTERREG V-A Republika Czeska – Polska.",
				projectsPL),
			published("Projekty", "projekty",
				"Společné projekty Opolské a Olomoucké aglomerace v programu Interreg V-A Česká republika – Polsko.",
				projectsCS)),
		page(4, content.PageContact,
			published("Kontakt", "kontakt",
				"Adresy, numery telefonów i pozostałe dane kontaktowe biur obu partnerów – w Opolu i w Ołomuńcu.",
				contactPL),
			published("Kontakt", "kontakt",
				"Adresy, telefonní čísla a další kontaktní údaje kanceláří obou partnerů – v Opolí a v Olomouci.",
				contactCS)),
		page(5, content.PageAccessibility,
			published("Deklaracja dostępności", "deklaracja-dostepnosci",
				"Deklaracja dostępności serwisu partnerstwa Aglomeracji Opolskiej i Aglomeracji Ołomunieckiej.",
				accessibilityPL),
			published("Prohlášení o přístupnosti", "prohlaseni-o-pristupnosti",
				"Prohlášení o přístupnosti webu partnerství Opolské a Olomoucké aglomerace.",
				accessibilityCS)),
		// The news page lists the news items; the seed has none (none are known), and the
		// page says so until staff publish the first.
		page(6, content.PageNews,
			published("Aktualności", "aktualnosci",
				"Wiadomości o współpracy Aglomeracji Opolskiej i Aglomeracji Ołomunieckiej.",
				"Tu partnerzy publikują wiadomości o wspólnych projektach, spotkaniach i wydarzeniach."),
			published("Aktuality", "aktuality",
				"Zprávy o spolupráci Opolské a Olomoucké aglomerace.",
				"Zde partneři zveřejňují zprávy o společných projektech, setkáních a akcích.")),
	}
	m := make(map[content.PageKey]content.Page, len(ps))
	for _, p := range ps {
		m[p.Key] = p
	}
	return m
}

const homePL = `Aglomeracja Opolska i Aglomeracja Ołomuniecka współpracują ponad polsko-czeską granicą od 2016 roku. Wtedy przedstawiciele obu aglomeracji podpisali Porozumienie o współpracy transgranicznej – pierwsze takie porozumienie między podmiotami odpowiedzialnymi za wdrażanie zintegrowanych inwestycji terytorialnych (ZIT) w Polsce i w Republice Czeskiej.

Na porozumieniu oparto wspólne projekty realizowane w ramach Programu INTERREG V-A Republika Czeska – Polska: mikroprojekt „Współpraca Aglomeracji Opolskiej i Aglomeracji Ołomunieckiej”, projekt „Razem dla rozwoju aglomeracji” i jego kontynuację, „Razem dla rozwoju aglomeracji 2020+”. Wizyty studyjne, staże i wymiana doświadczeń łączą instytucje obu aglomeracji.

Na tej stronie przedstawiamy historię współpracy, cele i rezultaty wspólnych projektów oraz dane kontaktowe biur obu partnerów.`

const homeCS = `Opolská a Olomoucká aglomerace spolupracují přes česko-polskou hranici od roku 2016. Tehdy zástupci obou aglomerací podepsali Dohodu o přeshraniční spolupráci – vůbec první dohodu tohoto druhu mezi subjekty odpovědnými za realizaci integrovaných územních investic (ITI) v Polsku a v České republice.

Na dohodu navázaly společné projekty v rámci programu Interreg V-A Česká republika – Polsko: mikroprojekt „Spolupráce Opolské a Olomoucké aglomerace“, projekt „Společně pro rozvoj aglomerací“ a jeho pokračování „Společně pro rozvoj aglomerací 2020+“. Studijní návštěvy, stáže a výměna zkušeností propojují instituce obou aglomerací.

Na těchto stránkách najdete historii spolupráce, cíle a výsledky společných projektů i kontakty na kanceláře obou partnerů.`

const historyPL = `Współpraca Aglomeracji Opolskiej i Aglomeracji Ołomunieckiej rozpoczęła się w 2016 roku, kiedy przedstawiciele obu aglomeracji podpisali Porozumienie o współpracy transgranicznej. Było to pierwsze porozumienie zawarte między podmiotami odpowiedzialnymi za wdrażanie zintegrowanych inwestycji terytorialnych w Polsce i w Republice Czeskiej. Aglomeracja Ołomuniecka jest zarazem jedyną czeską aglomeracją, która od 2016 roku intensywnie współpracuje z aglomeracją po polskiej stronie granicy.

## Pierwszy wspólny projekt

Kolejnym krokiem, który zacieśnił i pogłębił współpracę, był pierwszy partnerski projekt – „Współpraca Aglomeracji Opolskiej i Aglomeracji Ołomunieckiej”. Realizowano go w latach 2017–2018 w ramach Funduszu Mikroprojektów Programu INTERREG V-A Republika Czeska – Polska.

Głównym celem projektu była współpraca instytucjonalna w zakresie rozwoju społeczno-gospodarczego obu partnerskich aglomeracji oraz wymiana doświadczeń, która miała usprawnić współpracę przy ukierunkowywaniu procesu wdrażania zintegrowanych inwestycji terytorialnych (ZIT) na obu obszarach – w Aglomeracji Opolskiej i w Aglomeracji Ołomunieckiej. Projekt przewidywał wizyty studyjne dla przedstawicieli obu aglomeracji, wymianę dobrych praktyk we wdrażaniu ZIT, konkurs wiedzy o Aglomeracji Ołomunieckiej przeprowadzony po polskiej stronie oraz działania informacyjno-promocyjne.

## „Razem dla rozwoju aglomeracji”

Pierwszy wspólny projekt wzmocnił współpracę transgraniczną i pozwolił nawiązać trwałe kontakty między partnerami. Na tej podstawie powstało kolejne wspólne przedsięwzięcie – projekt „Razem dla rozwoju aglomeracji”, realizowany w latach 2018–2020 przy wsparciu Europejskiego Funduszu Rozwoju Regionalnego w ramach Programu INTERREG V-A Republika Czeska – Polska.

Celem globalnym projektu był rozwój współpracy instytucji publicznych oraz stworzenie transgranicznych sieci współpracy, które miały przynieść efekt mnożnikowy w zintegrowanym rozwoju terytorialnym obu aglomeracji. Projekt miał także posłużyć wymianie doświadczeń, która miała zintensyfikować współpracę w zakresie rozwoju społeczno-gospodarczego Aglomeracji Opolskiej i Aglomeracji Ołomunieckiej. Miał się przyczynić do zwiększenia poziomu współpracy i wykorzystania wspólnie wypracowanych rozwiązań, co miało przynieść oszczędności w wydatkowaniu środków publicznych i pomóc zwiększyć efektywność projektów skierowanych do społeczności lokalnych.

Przede wszystkim projekt umożliwił wymianę doświadczeń między pracownikami instytucji odpowiedzialnych za rozwój społeczno-gospodarczy obu aglomeracji oraz za wdrażanie zintegrowanych inwestycji terytorialnych. Efektem tej wymiany miała być próba wykorzystania rozwiązań stosowanych w kraju sąsiada, po drugiej stronie granicy, co miało w znacznym stopniu przyczynić się do podniesienia jakości wdrażanych polityk publicznych.

## „Razem dla rozwoju aglomeracji 2020+”

W pierwszej połowie 2020 roku zakończył się projekt „Razem dla rozwoju aglomeracji” i zatwierdzono jego kontynuację – projekt „Razem dla rozwoju aglomeracji 2020+”. Poszerza on dotychczasową współpracę o studium porównawcze instrumentów zintegrowanych w Polsce i w Republice Czeskiej. Projekt jest współfinansowany ze środków Europejskiego Funduszu Rozwoju Regionalnego w ramach Programu INTERREG V-A Republika Czeska – Polska.

Najważniejsze etapy współpracy, w tym wizyty studyjne i staże, przedstawiamy poniżej w porządku chronologicznym.`

const historyCS = `Spolupráce Opolské a Olomoucké aglomerace začala v roce 2016, kdy zástupci obou aglomerací podepsali Dohodu o přeshraniční spolupráci. Šlo o vůbec první dohodu uzavřenou mezi subjekty odpovědnými za realizaci integrovaných územních investic v Polsku a v České republice. Olomoucká aglomerace je zároveň jedinou českou aglomerací, která od roku 2016 intenzivně spolupracuje s aglomerací na polské straně hranice.

## První společný projekt

Dalším krokem, který spolupráci upevnil a prohloubil, byl první partnerský projekt „Spolupráce Opolské a Olomoucké aglomerace“. Probíhal v letech 2017–2018 a byl podpořen z Fondu mikroprojektů programu Interreg V-A Česká republika – Polsko.

Hlavním cílem projektu byla institucionální spolupráce v oblasti sociálně-ekonomického rozvoje obou partnerských aglomerací a výměna zkušeností, která měla zlepšit spolupráci při koordinaci implementace ITI na území obou aglomerací – Opolské i Olomoucké. Projekt počítal se studijními návštěvami pro zástupce obou aglomerací, s výměnou dobré praxe při implementaci ITI, s vědomostní soutěží o Olomoucké aglomeraci na polské straně a s informačními a propagačními aktivitami.

## „Společně pro rozvoj aglomerací“

První společný projekt posílil přeshraniční spolupráci a přinesl trvalé kontakty mezi partnery. Na ně navázal další společný záměr – projekt „Společně pro rozvoj aglomerací“, který probíhal v letech 2018–2020 s podporou Evropského fondu pro regionální rozvoj v rámci programu Interreg V-A Česká republika – Polsko.

Hlavním cílem projektu byl rozvoj spolupráce veřejných institucí a vytvoření přeshraničních sítí spolupráce, které měly mít multiplikační efekt pro integrovaný územní rozvoj obou aglomerací. Projekt měl také přinést výměnu zkušeností, která měla zintenzivnit spolupráci v oblasti sociálně-ekonomického rozvoje Opolské a Olomoucké aglomerace. Měl přispět k užší spolupráci a k využívání společně vypracovaných řešení, což mělo přinést úspory veřejných prostředků a pomoci zvýšit efektivitu projektů určených místním komunitám.

Projekt umožnil především výměnu zkušeností mezi pracovníky institucí, které odpovídají za sociálně-ekonomický rozvoj obou aglomerací a za realizaci integrovaných územních investic. Výsledkem této výměny měla být snaha využít řešení uplatňovaná v sousední zemi na druhé straně hranice, což mělo výrazně přispět ke zvýšení kvality realizovaných veřejných politik.

## „Společně pro rozvoj aglomerací 2020+“

V první polovině roku 2020 byl projekt „Společně pro rozvoj aglomerací“ ukončen a bylo schváleno jeho pokračování – projekt „Společně pro rozvoj aglomerací 2020+“. Ten dosavadní spolupráci rozšiřuje o srovnávací studii integrovaných nástrojů v Polsku a v České republice. Projekt je spolufinancován z Evropského fondu pro regionální rozvoj v rámci programu Interreg V-A Česká republika – Polsko.

Nejdůležitější etapy spolupráce, včetně studijních návštěv a stáží, uvádíme níže v časovém sledu.`

const projectsPL = `Od 2017 roku Aglomeracja Opolska i Aglomeracja Ołomuniecka realizują wspólne projekty w ramach Programu INTERREG V-A Republika Czeska – Polska. Pierwszy z nich, mikroprojekt z Funduszu Mikroprojektów, pozwolił nawiązać trwałe kontakty, na których oparto kolejne przedsięwzięcia współfinansowane z Europejskiego Funduszu Rozwoju Regionalnego.

Poniżej przedstawiamy projekty partnerstwa – z latami realizacji, źródłami finansowania i krótkim opisem.`

const projectsCS = `Od roku 2017 realizují Opolská a Olomoucká aglomerace společné projekty v rámci programu Interreg V-A Česká republika – Polsko. První z nich, mikroprojekt z Fondu mikroprojektů, přinesl trvalé kontakty, na které navázaly další projekty spolufinancované z Evropského fondu pro regionální rozvoj.

Níže najdete projekty partnerství s obdobím realizace, zdroji financování a stručným popisem.`

const contactPL = `Zapraszamy do kontaktu z biurami obu partnerów. Po polskiej stronie jest to Biuro Stowarzyszenia Aglomeracja Opolska w Opolu.

Po czeskiej stronie za zintegrowane inwestycje terytorialne Aglomeracji Ołomunieckiej odpowiada miasto statutarne Ołomuniec ([Statutární město Olomouc]{lang=cs}). Poniżej podajemy dane kontaktowe jego Wydziału Projektów Dotacyjnych ([Odbor dotačních projektů]{lang=cs}).`

const contactCS = `Obraťte se na kanceláře obou partnerů. Na polské straně je to kancelář Sdružení Opolská aglomerace v Opolí.

Na české straně je nositelem integrovaných územních investic Olomoucké aglomerace statutární město Olomouc. Níže uvádíme kontakt na jeho Odbor dotačních projektů.`

const accessibilityPL = `Aglomeracja Opolska i Aglomeracja Ołomuniecka chcą, aby z ich wspólnego serwisu mogli bez przeszkód korzystać wszyscy, także osoby z niepełnosprawnościami. Dążymy do spełnienia wymagań standardu WCAG 2.1 na poziomie AA.

Poniżej znajdują się informacje o stanie dostępności serwisu i o sposobie zgłaszania problemów z dostępnością.`

const accessibilityCS = `Opolská a Olomoucká aglomerace chtějí, aby jejich společný web mohli bez obtíží používat všichni, včetně lidí se zdravotním postižením. Usilujeme o splnění požadavků standardu WCAG 2.1 na úrovni AA.

Níže najdete informace o stavu přístupnosti webu a o tom, jak nahlásit problém s přístupností.`

func projects() []content.Project {
	programme := bilingual("Program INTERREG V-A Republika Czeska – Polska", "Interreg V-A Česká republika – Polsko")
	erdf := bilingual("Europejski Fundusz Rozwoju Regionalnego (EFRR)", "Evropský fond pro regionální rozvoj (EFRR)")
	microprojects := bilingual("Fundusz Mikroprojektów", "Fond mikroprojektů")
	// Both agglomerations run every joint project; the regional agency took part in the
	// second (olomoucka-aglomerace.eu/aktuality/22757). No web address is in the sources.
	agglomerations := []content.Partner{
		{Name: bilingual("Stowarzyszenie Aglomeracja Opolska", "Sdružení Opolská aglomerace"), Country: "PL"},
		{Name: bilingual("Aglomeracja Ołomuniecka", "Olomoucká aglomerace"), Country: "CZ"},
	}
	agency := content.Partner{Name: map[content.Lang]string{content.CS: "Regionální agentura pro rozvoj Střední Moravy"}, Country: "CZ"}
	project := func(id int64, start, end int, pl, cs content.Text, fund map[content.Lang]string) content.Project {
		partners := slices.Clone(agglomerations)
		if id == 2 {
			partners = append(partners, agency)
		}
		return content.Project{
			ID: id, Version: 1, Position: int(id), StartYear: start, EndYear: end,
			Partners: partners,
			Text:     bilingual(pl, cs),
			Funding: bilingual(
				content.Funding{Programme: programme[content.PL], Fund: fund[content.PL]},
				content.Funding{Programme: programme[content.CS], Fund: fund[content.CS]}),
		}
	}
	return []content.Project{
		project(1, 2017, 2018,
			published("Współpraca Aglomeracji Opolskiej i Aglomeracji Ołomunieckiej", "wspolpraca-aglomeracji",
				"Pierwszy wspólny mikroprojekt partnerów (2017–2018): wizyty studyjne, wymiana dobrych praktyk we wdrażaniu ZIT i konkurs wiedzy.",
				project1PL),
			published("Spolupráce Opolské a Olomoucké aglomerace", "spoluprace-aglomeraci",
				"První společný mikroprojekt partnerů (2017–2018): studijní návštěvy, výměna dobré praxe při implementaci ITI a vědomostní soutěž.",
				project1CS),
			microprojects),
		project(2, 2018, 2020,
			published("Razem dla rozwoju aglomeracji", "razem-dla-rozwoju-aglomeracji",
				"Projekt z lat 2018–2020 (Agglomerations4Borderlands): transgraniczne sieci współpracy instytucji publicznych i wymiana doświadczeń.",
				project2PL),
			published("Společně pro rozvoj aglomerací", "spolecne-pro-rozvoj-aglomeraci",
				"Projekt z let 2018–2020 (Agglomerations4Borderlands): přeshraniční sítě spolupráce veřejných institucí obou aglomerací a výměna zkušeností.",
				project2CS),
			erdf),
		project(3, 2020, 0,
			published("Razem dla rozwoju aglomeracji 2020+", "razem-dla-rozwoju-aglomeracji-2020",
				"Kontynuacja projektu „Razem dla rozwoju aglomeracji”, poszerzona o studium porównawcze instrumentów zintegrowanych w Polsce i Czechach.",
				project3PL),
			published("Společně pro rozvoj aglomerací 2020+", "spolecne-pro-rozvoj-aglomeraci-2020",
				"Pokračování projektu „Společně pro rozvoj aglomerací“, rozšířené o srovnávací studii integrovaných nástrojů v Polsku a v Česku.",
				project3CS),
			erdf),
	}
}

const project1PL = `Pierwszy partnerski projekt Aglomeracji Opolskiej i Aglomeracji Ołomunieckiej realizowano od lipca 2017 do lutego 2018 roku w ramach Funduszu Mikroprojektów Programu INTERREG V-A Republika Czeska – Polska.

## Cel projektu

Głównym celem projektu była współpraca instytucjonalna w zakresie rozwoju społeczno-gospodarczego obu partnerskich aglomeracji oraz wymiana doświadczeń, która miała usprawnić współpracę przy ukierunkowywaniu procesu wdrażania zintegrowanych inwestycji terytorialnych (ZIT) na obu obszarach – w Aglomeracji Opolskiej i w Aglomeracji Ołomunieckiej.

## Działania

Projekt przewidywał:

- wizyty studyjne dla przedstawicieli obu aglomeracji,
- wymianę dobrych praktyk we wdrażaniu zintegrowanych inwestycji terytorialnych,
- konkurs wiedzy o Aglomeracji Ołomunieckiej przeprowadzony po polskiej stronie,
- działania informacyjno-promocyjne.

## Rezultaty

Projekt wzmocnił współpracę transgraniczną i pozwolił nawiązać trwałe kontakty między partnerami. Dzięki nim możliwe było kolejne wspólne przedsięwzięcie – projekt „Razem dla rozwoju aglomeracji”.`

const project1CS = `První partnerský projekt Opolské a Olomoucké aglomerace probíhal od července 2017 do února 2018 a byl podpořen z Fondu mikroprojektů programu Interreg V-A Česká republika – Polsko.

## Cíl projektu

Hlavním cílem projektu byla institucionální spolupráce v oblasti sociálně-ekonomického rozvoje obou partnerských aglomerací a výměna zkušeností, která měla zlepšit spolupráci při koordinaci implementace ITI na území obou aglomerací – Opolské i Olomoucké.

## Aktivity

Projekt počítal s těmito aktivitami:

- studijní návštěvy pro zástupce obou aglomerací,
- výměna dobré praxe při implementaci integrovaných územních investic,
- vědomostní soutěž o Olomoucké aglomeraci uspořádaná na polské straně,
- informační a propagační aktivity.

## Výsledky

Projekt posílil přeshraniční spolupráci a přinesl trvalé kontakty mezi partnery. Díky nim mohl vzniknout další společný projekt – „Společně pro rozvoj aglomerací“.`

const project2PL = `Projekt „Razem dla rozwoju aglomeracji” (Agglomerations4Borderlands) był drugim wspólnym przedsięwzięciem partnerów. Realizowano go w latach 2018–2020 przy wsparciu Europejskiego Funduszu Rozwoju Regionalnego w ramach Programu INTERREG V-A Republika Czeska – Polska.

## Cel globalny

Celem globalnym projektu był rozwój współpracy instytucji publicznych oraz stworzenie transgranicznych sieci współpracy, które miały przynieść efekt mnożnikowy w zakresie zintegrowanego rozwoju terytorialnego obszarów obu aglomeracji.

## Pozostałe cele

Projekt miał również doprowadzić do wymiany doświadczeń, która miała zintensyfikować współpracę w zakresie rozwoju społeczno-gospodarczego Aglomeracji Opolskiej i Aglomeracji Ołomunieckiej. Jego realizacja miała się przyczynić do zwiększenia poziomu współpracy i wykorzystania wspólnie wypracowanych rozwiązań. Miało to przynieść oszczędności w wydatkowaniu środków publicznych i pomóc zwiększyć efektywność projektów skierowanych do społeczności lokalnych.

## Rezultaty

Przede wszystkim projekt umożliwił wymianę doświadczeń między pracownikami instytucji odpowiedzialnych za rozwój społeczno-gospodarczy obu aglomeracji oraz za wdrażanie zintegrowanych inwestycji terytorialnych. Efektem tej wymiany miała być próba wykorzystania rozwiązań stosowanych w kraju sąsiada, po drugiej stronie granicy, co miało w znacznym stopniu przyczynić się do podniesienia jakości wdrażanych polityk publicznych.

Projekt zakończył się w pierwszej połowie 2020 roku. Jego kontynuacją jest projekt „Razem dla rozwoju aglomeracji 2020+”.`

const project2CS = `Projekt „Společně pro rozvoj aglomerací“ (Agglomerations4Borderlands) byl druhým společným projektem partnerů. Probíhal v letech 2018–2020 s podporou Evropského fondu pro regionální rozvoj v rámci programu Interreg V-A Česká republika – Polsko.

## Hlavní cíl

Hlavním cílem projektu byl rozvoj spolupráce veřejných institucí a vytvoření přeshraničních sítí spolupráce, které měly mít multiplikační efekt pro integrovaný územní rozvoj obou aglomerací.

## Další cíle

Projekt měl rovněž přinést výměnu zkušeností, která měla zintenzivnit spolupráci v oblasti sociálně-ekonomického rozvoje Opolské a Olomoucké aglomerace. Měl přispět k užší spolupráci a k většímu využívání společně vypracovaných řešení. Mělo to přinést úspory veřejných prostředků a pomoci zvýšit efektivitu projektů určených místním komunitám.

## Výsledky

Projekt umožnil především výměnu zkušeností mezi pracovníky institucí, které odpovídají za sociálně-ekonomický rozvoj obou aglomerací a za realizaci integrovaných územních investic. Výsledkem této výměny měla být snaha využít řešení uplatňovaná v sousední zemi na druhé straně hranice, což mělo výrazně přispět ke zvýšení kvality realizovaných veřejných politik.

Projekt skončil v první polovině roku 2020. Navazuje na něj projekt „Společně pro rozvoj aglomerací 2020+“.`

const project3PL = `Projekt „Razem dla rozwoju aglomeracji 2020+” jest kontynuacją projektu „Razem dla rozwoju aglomeracji”. Zatwierdzono go w pierwszej połowie 2020 roku – w tym samym okresie, w którym zakończył się poprzedni projekt.

W porównaniu z poprzednim projektem nowym elementem jest studium porównawcze instrumentów zintegrowanych w Polsce i w Republice Czeskiej.

Projekt jest współfinansowany ze środków Europejskiego Funduszu Rozwoju Regionalnego w ramach Programu INTERREG V-A Republika Czeska – Polska.`

const project3CS = `Projekt „Společně pro rozvoj aglomerací 2020+“ navazuje na projekt „Společně pro rozvoj aglomerací“. Byl schválen v první polovině roku 2020 – ve stejném období, kdy předchozí projekt skončil.

Oproti předchozímu projektu přináší navíc srovnávací studii integrovaných nástrojů v Polsku a v České republice.

Projekt je spolufinancován z Evropského fondu pro regionální rozvoj v rámci programu Interreg V-A Česká republika – Polsko.`

// date returns a timeline date; month and day are 0 when only the year or month is known.
func date(year, month, day int) content.Date {
	return content.Date{Year: year, Month: month, Day: day}
}

func event(id int64, start, end content.Date, projectID int64, pl, cs content.EventText) content.Event {
	return content.Event{ID: id, Version: 1, Start: start, End: end, ProjectID: projectID, Text: bilingual(pl, cs)}
}

func events() []content.Event {
	return []content.Event{
		event(1, date(2016, 0, 0), content.Date{}, 0,
			content.EventText{
				Title: "Porozumienie o współpracy transgranicznej",
				Body:  "Przedstawiciele Aglomeracji Opolskiej i Aglomeracji Ołomunieckiej podpisali Porozumienie o współpracy transgranicznej – pierwsze takie porozumienie między podmiotami wdrażającymi zintegrowane inwestycje terytorialne w Polsce i w Republice Czeskiej.",
			},
			content.EventText{
				Title: "Dohoda o přeshraniční spolupráci",
				Body:  "Zástupci Opolské a Olomoucké aglomerace podepsali Dohodu o přeshraniční spolupráci – první dohodu tohoto druhu mezi subjekty, které v Polsku a v České republice realizují integrované územní investice.",
			}),
		event(2, date(2017, 7, 0), date(2018, 2, 0), 1,
			content.EventText{
				Title: "Pierwszy wspólny projekt",
				Body:  "Partnerzy realizowali mikroprojekt „Współpraca Aglomeracji Opolskiej i Aglomeracji Ołomunieckiej” w ramach Funduszu Mikroprojektów Programu INTERREG V-A Republika Czeska – Polska.",
			},
			content.EventText{
				Title: "První společný projekt",
				Body:  "Partneři realizovali mikroprojekt „Spolupráce Opolské a Olomoucké aglomerace“ podpořený z Fondu mikroprojektů programu Interreg V-A Česká republika – Polsko.",
			}),
		event(3, date(2017, 12, 11), date(2017, 12, 13), 1,
			content.EventText{
				Title: "Wizyta studyjna w Aglomeracji Ołomunieckiej",
				Body:  "Pracownicy Stowarzyszenia Aglomeracja Opolska oraz przedstawiciele gmin członkowskich i opolskich organizacji pozarządowych odwiedzili Aglomerację Ołomuniecką, m.in. ośrodek ekologiczny Sluňákov. W ratuszu w Ołomuńcu wzięli udział w polsko-czeskich warsztatach poświęconych partycypacyjnemu projektowaniu przestrzeni publicznych.",
			},
			content.EventText{
				Title: "Studijní návštěva v Olomoucké aglomeraci",
				Body:  "Pracovníci Sdružení Opolská aglomerace a zástupci členských obcí a opolských neziskových organizací navštívili Olomouckou aglomeraci, mimo jiné centrum ekologických aktivit Sluňákov. Na olomoucké radnici se zúčastnili česko-polského workshopu o participativním navrhování veřejných prostranství.",
			}),
		event(4, date(2018, 6, 27), date(2018, 6, 29), 2,
			content.EventText{
				Title: "Czescy partnerzy w Aglomeracji Opolskiej",
				Body:  "W ramach projektu „Razem dla rozwoju aglomeracji” czescy partnerzy przyjechali z wizytą studyjną do Aglomeracji Opolskiej.",
			},
			content.EventText{
				Title: "Čeští partneři v Opolské aglomeraci",
				Body:  "V rámci projektu „Společně pro rozvoj aglomerací“ přijeli čeští partneři na studijní návštěvu do Opolské aglomerace.",
			}),
		event(5, date(2019, 10, 14), date(2019, 10, 25), 2,
			content.EventText{
				Title: "Staż pracowników biura w Aglomeracji Ołomunieckiej",
				Body:  "W ramach projektu „Razem dla rozwoju aglomeracji” pracownicy Biura Stowarzyszenia Aglomeracja Opolska odbyli staż w Aglomeracji Ołomunieckiej.",
			},
			content.EventText{
				Title: "Stáž pracovníků kanceláře v Olomoucké aglomeraci",
				Body:  "V rámci projektu „Společně pro rozvoj aglomerací“ absolvovali pracovníci kanceláře Sdružení Opolská aglomerace stáž v Olomoucké aglomeraci.",
			}),
		event(6, date(2020, 0, 0), content.Date{}, 3,
			content.EventText{
				Title: "Zatwierdzenie projektu „Razem dla rozwoju aglomeracji 2020+”",
				Body:  "W pierwszej połowie 2020 roku zakończył się projekt „Razem dla rozwoju aglomeracji” i zatwierdzono jego kontynuację. Nowy projekt obejmuje dodatkowo studium porównawcze instrumentów zintegrowanych w Polsce i w Republice Czeskiej.",
			},
			content.EventText{
				Title: "Schválení projektu „Společně pro rozvoj aglomerací 2020+“",
				Body:  "V první polovině roku 2020 skončil projekt „Společně pro rozvoj aglomerací“ a bylo schváleno jeho pokračování. Nový projekt navíc zahrnuje srovnávací studii integrovaných nástrojů v Polsku a v České republice.",
			}),
		event(7, date(2021, 10, 6), date(2021, 10, 8), 0,
			content.EventText{
				Title: "Wyjazd studyjny do Aglomeracji Ołomunieckiej",
				Body:  "Przedstawiciele Aglomeracji Opolskiej odwiedzili Přerov, Tovačov, Ołomuniec, Litovel i Mohelnice.",
			},
			content.EventText{
				Title: "Studijní cesta do Olomoucké aglomerace",
				Body:  "Zástupci Opolské aglomerace navštívili Přerov, Tovačov, Olomouc, Litovel a Mohelnici.",
			}),
	}
}

func offices() []content.Office {
	return []content.Office{
		{
			ID: 1, Version: 1, Position: 1, Country: "PL",
			Street: "Plac Wolności 6", PostalCode: "45-018", City: "Opole",
			NIP: "7543078725", REGON: "161568833", KRS: "0000485977",
			Phone: "77 446 14 00", Fax: "77 44 59 612", Email: "biuro@ao.opole.pl",
			Hours: content.Hours{FromDay: 1, ToDay: 5, Opens: "07:30", Closes: "15:30"},
			Text: bilingual(
				content.OfficeText{
					Name:         "Biuro Stowarzyszenia Aglomeracja Opolska",
					Organisation: "Stowarzyszenie Aglomeracja Opolska",
					Directions:   "I piętro, nad Pizza Hut; wejście od strony parkingu.",
				},
				content.OfficeText{
					Name:         "Kancelář Sdružení Opolská aglomerace",
					Organisation: "Sdružení Opolská aglomerace",
					Directions:   "1. patro nad restaurací Pizza Hut, vchod z parkoviště.",
				}),
		},
		{
			// The e-mail address, fax and opening hours of this office are not known.
			ID: 2, Version: 1, Position: 2, Country: "CZ",
			Street: "Palackého 14", PostalCode: "779 00", City: "Olomouc",
			Phone: "588 488 672",
			Text: bilingual(
				content.OfficeText{
					Name:         "Statutární město Olomouc – Odbor dotačních projektů",
					Organisation: "Aglomeracja Ołomuniecka",
				},
				content.OfficeText{
					Name:         "Statutární město Olomouc – Odbor dotačních projektů",
					Organisation: "Olomoucká aglomerace",
				}),
		},
	}
}

// statement returns the accessibility statement. The site is run by the Polish association,
// so it follows the Polish act; its dates, compliance status, contact person, the physical
// accessibility of the office and the mobile applications are unknown and stay empty. The
// request and complaint procedure is the law's and comes from the locale bundles.
func statement() content.Statement {
	return content.Statement{
		Version:  1,
		Operator: content.PL,
		Text: bilingual(
			content.StatementText{
				Entity: "Stowarzyszenie Aglomeracja Opolska",
				Body:   "Deklaracja dotyczy polskiej wersji językowej serwisu partnerstwa Aglomeracji Opolskiej i Aglomeracji Ołomunieckiej.",
			},
			content.StatementText{
				Entity: "Sdružení Opolská aglomerace",
				Body:   "Prohlášení se týká české jazykové verze webu partnerství Opolské a Olomoucké aglomerace.",
			}),
	}
}
