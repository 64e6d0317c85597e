// The demo CRM's word pools, international on purpose (accents, ß, CJK, apostrophes, % and _), and UTF-8 casing.
#include "engine/demo/pools.hpp"

namespace vtql::demo {
namespace pools {
namespace {

using SV = std::string_view;

// clang-format off
// ASCII twins of accented names (Zoe / Zoë, Mueller / Müller, Strasse / Straße) are there for collation tests.
constexpr Word kFirstNames[] = {
    {"Anna", "anna"}, {"Lukas", "lukas"}, {"Łukasz", "lukasz"}, {"Zoë", "zoe"}, {"Zoe", "zoe"}, {"José", "jose"},
    {"Jose", "jose"}, {"Ângela", "angela"}, {"Søren", "soeren"}, {"Björn", "bjoern"}, {"Frédéric", "frederic"},
    {"Inés", "ines"}, {"María", "maria"}, {"Jürgen", "juergen"}, {"Ólafur", "olafur"}, {"Chloé", "chloe"},
    {"François", "francois"}, {"Małgorzata", "malgorzata"}, {"Siobhán", "siobhan"}, {"Hiroshi", "hiroshi"},
    {"太郎", "taro"}, {"花子", "hanako"}, {"João", "joao"}, {"Çağla", "cagla"}, {"Emma", "emma"}, {"Liam", "liam"},
    {"Olivia", "olivia"}, {"Noah", "noah"}, {"Sophie", "sophie"}, {"Thomas", "thomas"}, {"Sarah", "sarah"},
    {"Michael", "michael"}, {"David", "david"}, {"Laura", "laura"}, {"Daniel", "daniel"}, {"Julia", "julia"},
    {"Peter", "peter"}, {"Maria", "maria"}, {"James", "james"}, {"Linda", "linda"}, {"Robert", "robert"},
    {"Jennifer", "jennifer"}, {"Mohammed", "mohammed"}, {"Fatima", "fatima"}, {"Priya", "priya"}, {"Raj", "raj"},
    {"Wei", "wei"}, {"Mei", "mei"}, {"Aleksandra", "aleksandra"}, {"Piotr", "piotr"}, {"Ingrid", "ingrid"},
    {"Sigríður", "sigridur"}, {"Åsa", "asa"}, {"Mikael", "mikael"}, {"Elif", "elif"}, {"Luca", "luca"},
    {"Giulia", "giulia"}, {"Ana", "ana"}, {"Pedro", "pedro"}, {"Jean-Luc", "jean-luc"},
    {"Anne-Marie", "anne-marie"}, {"Dmitri", "dmitri"}, {"Νίκος", "nikos"}, {"Ольга", "olga"},
};

constexpr Word kLastNames[] = {
    {"Müller", "mueller"}, {"Mueller", "mueller"}, {"Ødegaard", "oedegaard"}, {"Straße", "strasse"},
    {"Strasse", "strasse"}, {"田中", "tanaka"}, {"鈴木", "suzuki"}, {"García", "garcia"}, {"Garcia", "garcia"},
    {"Dvořák", "dvorak"}, {"Nowak", "nowak"}, {"Kowalski", "kowalski"}, {"Wiśniewski", "wisniewski"},
    {"Wójcik", "wojcik"}, {"O'Brien", "obrien"}, {"O'Connor", "oconnor"}, {"Smith", "smith"},
    {"Johnson", "johnson"}, {"Williams", "williams"}, {"Brown", "brown"}, {"Jones", "jones"}, {"Miller", "miller"},
    {"Davis", "davis"}, {"Martínez", "martinez"}, {"Rodríguez", "rodriguez"}, {"Silva", "silva"},
    {"Santos", "santos"}, {"Gonçalves", "goncalves"}, {"Conceição", "conceicao"}, {"Schmidt", "schmidt"},
    {"Schneider", "schneider"}, {"Fischer", "fischer"}, {"Weiß", "weiss"}, {"Becker", "becker"},
    {"Hoffmann", "hoffmann"}, {"Schäfer", "schaefer"}, {"Dubois", "dubois"}, {"Lefèvre", "lefevre"},
    {"Moreau", "moreau"}, {"Andersson", "andersson"}, {"Johansson", "johansson"}, {"Lindqvist", "lindqvist"},
    {"Sigurðsson", "sigurdsson"}, {"Jónsdóttir", "jonsdottir"}, {"Hansen", "hansen"}, {"Nielsen", "nielsen"},
    {"Østergaard", "oestergaard"}, {"Rossi", "rossi"}, {"Bianchi", "bianchi"}, {"Yılmaz", "yilmaz"},
    {"Öztürk", "ozturk"}, {"Kim", "kim"}, {"Lee", "lee"}, {"Nguyễn", "nguyen"}, {"Patel", "patel"},
    {"Singh", "singh"}, {"Cohen", "cohen"}, {"van der Berg", "vanderberg"}, {"de la Cruz", "delacruz"},
    {"MacDonald", "macdonald"}, {"Ivanov", "ivanov"}, {"Иванова", "ivanova"}, {"Παπαδόπουλος", "papadopoulos"},
};

constexpr Place kPlaces[] = {
    {"Zürich", "ZH", "Switzerland", "80##", "+41 44", ".ch",
     {"Bahnhofstrasse", "Limmatquai", "Seefeldstrasse"}, false},
    {"Genève", "GE", "Switzerland", "12##", "+41 22", ".ch",
     {"Rue du Rhône", "Quai du Mont-Blanc", "Rue de Lausanne"}, false},
    {"Kraków", "Małopolskie", "Poland", "3#-###", "+48 12", ".pl",
     {"ul. Floriańska", "ul. Grodzka", "Rynek Główny"}, false},
    {"Łódź", "Łódzkie", "Poland", "9#-###", "+48 42", ".pl",
     {"ul. Piotrkowska", "ul. Włókiennicza", "al. Kościuszki"}, false},
    {"São Paulo", "SP", "Brazil", "0####-###", "+55 11", ".com.br",
     {"Avenida Paulista", "Rua Augusta", "Rua Oscar Freire"}, false},
    {"Malmö", "Skåne", "Sweden", "2## ##", "+46 40", ".se",
     {"Södergatan", "Storgatan", "Östra Förstadsgatan"}, false},
    {"Göteborg", "Västra Götaland", "Sweden", "4## ##", "+46 31", ".se",
     {"Kungsportsavenyn", "Drottninggatan", "Övre Husargatan"}, false},
    {"Reykjavík", "Höfuðborgarsvæðið", "Iceland", "1##", "+354", ".is",
     {"Laugavegur", "Skólavörðustígur", "Hverfisgata"}, false},
    {"München", "Bayern", "Germany", "8####", "+49 89", ".de",
     {"Maximilianstraße", "Leopoldstraße", "Sendlinger Straße"}, false},
    {"Köln", "Nordrhein-Westfalen", "Germany", "5####", "+49 221", ".de",
     {"Hohe Straße", "Schildergasse", "Ehrenstraße"}, false},
    {"Berlin", "Berlin", "Germany", "1####", "+49 30", ".de",
     {"Friedrichstraße", "Kurfürstendamm", "Torstraße"}, false},
    {"Wien", "Wien", "Österreich", "1###", "+43 1", ".at",
     {"Kärntner Straße", "Mariahilfer Straße", "Praterstraße"}, false},
    {"Paris", "Île-de-France", "France", "750##", "+33 1", ".fr",
     {"Rue de Rivoli", "Boulevard Saint-Germain", "Rue Saint-Honoré"}, true},
    {"Besançon", "Doubs", "France", "25000", "+33 3", ".fr",
     {"Grande Rue", "Rue des Granges", "Quai Vauban"}, true},
    {"Montréal", "Québec", "Canada", "H#@ #@#", "+1 514", ".ca",
     {"Rue Sainte-Catherine", "Boulevard Saint-Laurent", "Avenue du Mont-Royal"}, true},
    {"Bogotá", "Cundinamarca", "Colombia", "11####", "+57 1", ".co",
     {"Carrera Séptima", "Calle 72", "Avenida Jiménez"}, false},
    {"Ciudad de México", "CDMX", "México", "0####", "+52 55", ".mx",
     {"Paseo de la Reforma", "Avenida Insurgentes", "Calle Madero"}, false},
    {"Zaragoza", "Aragón", "España", "500##", "+34 976", ".es",
     {"Paseo de la Independencia", "Calle Alfonso I", "Avenida César Augusto"}, false},
    {"Lisboa", "Lisboa", "Portugal", "1###-###", "+351 21", ".pt",
     {"Rua Augusta", "Avenida da Liberdade", "Rua Garrett"}, false},
    {"Oslo", "Oslo", "Norway", "0###", "+47 22", ".no",
     {"Karl Johans gate", "Bogstadveien", "Thorvald Meyers gate"}, false},
    {"Tromsø", "Troms", "Norway", "9###", "+47 77", ".no",
     {"Storgata", "Sjøgata", "Grønnegata"}, false},
    {"København", "Hovedstaden", "Danmark", "1###", "+45", ".dk",
     {"Strøget", "Nørrebrogade", "Vesterbrogade"}, false},
    {"Helsinki", "Uusimaa", "Finland", "00###", "+358 9", ".fi",
     {"Mannerheimintie", "Aleksanterinkatu", "Hämeentie"}, false},
    {"Praha", "Praha", "Czech Republic", "1## ##", "+420 2", ".cz",
     {"Václavské náměstí", "Národní", "Pařížská"}, false},
    {"東京", "東京都", "Japan", "1##-####", "+81 3", ".jp",
     {"銀座", "表参道", "丸の内"}, false},
    {"New York", "NY", "USA", "100##", "+1 212", ".com",
     {"Broadway", "Fifth Avenue", "Madison Avenue"}, true},
    {"San Francisco", "CA", "USA", "941##", "+1 415", ".com",
     {"Market Street", "Mission Street", "Valencia Street"}, true},
    {"Austin", "TX", "USA", "787##", "+1 512", ".com",
     {"Congress Avenue", "South Lamar Blvd", "East 6th Street"}, true},
    {"Chicago", "IL", "USA", "606##", "+1 312", ".com",
     {"Michigan Avenue", "State Street", "Wacker Drive"}, true},
    {"London", "England", "United Kingdom", "EC#@ #@@", "+44 20", ".co.uk",
     {"Baker Street", "Oxford Street", "Fleet Street"}, true},
    {"Edinburgh", "Scotland", "United Kingdom", "EH# #@@", "+44 131", ".co.uk",
     {"Princes Street", "Royal Mile", "George Street"}, true},
    {"Dublin", "Leinster", "Ireland", "D0#", "+353 1", ".ie",
     {"Grafton Street", "O'Connell Street", "Dame Street"}, true},
    {"Sydney", "NSW", "Australia", "2000", "+61 2", ".com.au",
     {"George Street", "Pitt Street", "Oxford Street"}, true},
    {"Auckland", "Auckland", "New Zealand", "10##", "+64 9", ".co.nz",
     {"Queen Street", "Karangahape Road", "Ponsonby Road"}, true},
    {"Cape Town", "Western Cape", "South Africa", "80##", "+27 21", ".co.za",
     {"Long Street", "Bree Street", "Loop Street"}, true},
    {"Mumbai", "Maharashtra", "India", "4000##", "+91 22", ".in",
     {"Marine Drive", "Linking Road", "Colaba Causeway"}, true},
    {"Singapore", "Singapore", "Singapore", "0#####", "+65", ".sg",
     {"Orchard Road", "Raffles Place", "Beach Road"}, true},
};
// clang-format on

constexpr Word kCompanyAdjectives[] = {
    {"Nordic", "nordic"},       {"Blue", "blue"},    {"Silver", "silver"}, {"Global", "global"},
    {"Alpine", "alpine"},       {"Grüne", "gruene"}, {"Rapid", "rapid"},   {"Bright", "bright"},
    {"Atlântico", "atlantico"}, {"Polar", "polar"},  {"Solar", "solar"},   {"Crescent", "crescent"},
    {"Vänern", "vanern"},       {"Iron", "iron"},    {"Golden", "golden"}, {"Union", "union"},
    {"Pacific", "pacific"},     {"Évora", "evora"},  {"Red", "red"},       {"Summit", "summit"}};

constexpr Word kCompanyNouns[] = {{"Systems", "systems"},       {"Analytics", "analytics"},
                                  {"Logistics", "logistics"},   {"Harbor", "harbor"},
                                  {"Dynamics", "dynamics"},     {"Werke", "werke"},
                                  {"Partners", "partners"},     {"Foods", "foods"},
                                  {"Energy", "energy"},         {"Robotics", "robotics"},
                                  {"Textil", "textil"},         {"Médical", "medical"},
                                  {"Software", "software"},     {"Bau", "bau"},
                                  {"Consulting", "consulting"}, {"Pharma", "pharma"},
                                  {"Trading", "trading"},       {"Motors", "motors"}};

constexpr Word kCompanySectors[] = {{"Logistik", "logistik"},     {"Maschinenbau", "maschinenbau"},
                                    {"Immobilien", "immobilien"}, {"Tech", "tech"},
                                    {"Holding", "holding"},       {"Handel", "handel"},
                                    {"Brothers", "brothers"},     {"Engenharia", "engenharia"},
                                    {"Elektro", "elektro"},       {"Design", "design"},
                                    {"Finanz", "finanz"},         {"Transport", "transport"}};

constexpr SV kCompanySuffixes[] = {"GmbH", "AG",  "Ltd",      "Inc.", "S.A.", "Sp. z o.o.", "AB", "ehf.", "Ltda.",
                                   "SARL", "LLC", "& Co. KG", "K.K.", "Oy",   "",           "",   "",     ""};

constexpr SV kMailDomains[] = {"gmail.com",  "outlook.com", "web.de",    "gmx.ch",     "wp.pl",     "yahoo.co.jp",
                               "hotmail.fr", "icloud.com",  "proton.me", "uol.com.br", "seznam.cz", "mail.com"};

constexpr SV kSalutations[] = {"Mr.", "Ms.", "Mrs.", "Dr.", "Prof.", "Mr.", "Ms."};
constexpr SV kJobTitles[] = {"CEO",
                             "CFO",
                             "CTO",
                             "Head of Sales",
                             "Sales Manager",
                             "Account Executive",
                             "Software Engineer",
                             "Einkaufsleiter",
                             "Directeur Général",
                             "Gerente de Compras",
                             "Product Owner",
                             "Office Manager",
                             "Marketing Director",
                             "IT-Leiterin",
                             "Procurement Specialist",
                             "Chef de projet",
                             "Inköpare",
                             "Consultant",
                             "VP Operations",
                             "Key Account Manager"};
constexpr SV kDepartments[] = {"Sales",      "Marketing", "Finance", "IT",         "Einkauf", "R&D",
                               "Operations", "Support",   "HR",      "Logistique", "Compras", "Management"};
constexpr SV kOwnerships[] = {"Public", "Private", "Subsidiary", "Partnership", "Government", "Other"};
constexpr SV kSources[] = {"CRM", "CRM", "CRM", "WEBSERVICE", "IMPORT", "MOBILE", "CUSTOMER PORTAL"};

constexpr SV kSentences[] = {"Met at the trade show in São Paulo.",
                             "Kunde möchte ein Angebot für 50 Lizenzen.",
                             "Décision attendue à la fin du trimestre.",
                             "Customer's contract renews in Q3 — call before the end of June.",
                             "Discount of 15% agreed with the purchasing department.",
                             "See the file quote_v2_final.pdf for the details.",
                             "Prefers to be contacted by e-mail, not by phone.",
                             "Budget approved; waiting for the signature of the CFO.",
                             "Long-standing customer since 2012.",
                             "Interested in the premium support plan.",
                             "Rückruf vereinbart, Ansprechpartner ist im Urlaub bis Montag.",
                             "Asked for a demo of the reporting module.",
                             "Wants delivery to the warehouse in Malmö.",
                             "Preço ainda em negociação.",
                             "Reference customer, happy to take calls from prospects.",
                             "Payment terms: net 30 days.",
                             "Competitor offered a 10% lower price.",
                             "Spoke with the \"decision maker\" last week.",
                             "Zamówienie zostanie złożone w przyszłym miesiącu.",
                             "Annual review scheduled with the account team.",
                             "Requires an NDA before the technical workshop.",
                             "Migrated from the old CRM; data may be incomplete.",
                             "Prospect found via LinkedIn campaign.",
                             "Follow-up after the webinar on data privacy.",
                             "Möchte die Rechnung in CHF erhalten.",
                             "Onboarding finished, training planned for next quarter.",
                             "Invoice address differs from the delivery address.",
                             "Uses 100_000 API calls per month."};

constexpr SV kSolutions[] = {"Reset the password and cleared the browser cache.",
                             "Corrected the invoice and sent a credit note.",
                             "Replaced the faulty unit under warranty.",
                             "Explained the configuration; customer confirmed it works.",
                             "Escalated to second-level support, fixed in release 7.1.2.",
                             "Neuinstallation des Druckertreibers hat das Problem behoben.",
                             "Updated the firmware to the latest version."};

constexpr SV kTerms[] = {"Payment within 30 days of the invoice date.", "Prices exclude VAT. Delivery ex works.",
                         "Offer valid for 60 days.", "Zahlbar innerhalb von 14 Tagen ohne Abzug.",
                         "Goods remain our property until paid in full."};

constexpr SV kLineComments[] = {"Includes installation",      "Annual licence",   "Express delivery requested",
                                "Rabatt gemäß Rahmenvertrag", "Replacement part", "Bundle with 24 months support"};
constexpr SV kNextSteps[] = {"Send proposal", "Schedule demo",      "Negotiate price", "Wait for budget approval",
                             "Call the CFO",  "Angebot nachfassen", "Prepare contract"};
constexpr SV kDealNames[] = {"Renewal",          "Expansion",       "New licences",
                             "Support contract", "Pilot project",   "Hardware refresh",
                             "Rahmenvertrag",    "Consulting days", "Cloud migration"};
constexpr SV kTicketTitles[] = {"Cannot log in to the portal",
                                "Invoice total is wrong",
                                "Drucker druckt nicht",
                                "Delivery arrived damaged",
                                "Feature request: export to Excel",
                                "Error 500 when saving a record",
                                "Licence key not accepted",
                                "Synchronisation très lente",
                                "Wrong VAT rate on quote",
                                "Password reset e-mail never arrives",
                                "App crashes on start",
                                "Need a second user account"};
constexpr SV kFaqQuestions[] = {"How do I reset my password?",       "Which payment methods do you accept?",
                                "Can I change my delivery address?", "Wie kündige ich meinen Vertrag?",
                                "Is there an API for integrations?", "How long is the warranty?",
                                "Où trouver ma facture ?",           "Can I export my data?"};
constexpr SV kFaqAnswers[] = {"Use the \"Forgot password\" link on the login page.",
                              "We accept bank transfer, credit card and PayPal.",
                              "Yes, until the order has been shipped.",
                              "Die Kündigung ist schriftlich mit 3 Monaten Frist möglich.",
                              "Yes, a REST webservice is available to all customers.",
                              "The warranty covers 24 months from delivery.",
                              "Dans votre espace client, rubrique « Factures ».",
                              "Yes, as CSV from the list view."};
constexpr SV kProductAdjectives[] = {"Ultra",      "Pro",  "Compact", "Smart",  "Eco",
                                     "Industrial", "Mini", "Premium", "Robust", "Öko"};
constexpr SV kProductNouns[] = {"Router",      "Laptop",  "Monitor",  "Server",        "Desk Lamp",
                                "Büroleuchte", "Scanner", "Headset",  "Switch",        "Licence",
                                "Printer",     "Sensor",  "Cable 5m", "Dockingstation"};
constexpr SV kVendorCategories[] = {"Hardware", "Software",  "Logistics",  "Office supplies",
                                    "Services", "Rohstoffe", "Electronics"};
constexpr SV kCampaignNames[] = {"Spring Webinar",  "Trade Show Köln", "Newsletter",      "Partner Days",
                                 "Feira São Paulo", "Black Friday",    "Customer Summit", "Referral Drive"};
constexpr SV kPriceBookNames[] = {"Standard", "Partner", "Reseller EU", "Großhandel", "Education", "Enterprise"};
constexpr SV kSponsors[] = {"Marketing", "Sales EMEA", "Partner Program", "Vorstand"};
constexpr SV kAudiences[] = {"SMB", "Enterprise", "Public sector", "Existing customers", "Developers", "Einkäufer"};
constexpr SV kDocumentTitles[] = {"Price list", "Contract",      "Proposal",     "Datenblatt",     "Brochure",
                                  "NDA",        "Meeting notes", "Invoice copy", "Rapport annuel", "Specification"};
constexpr SV kEmailSubjects[] = {
    "Your quote",         "Follow-up",           "Ihre Anfrage",   "Invitation to our webinar",
    "Order confirmation", "Re: Support request", "Votre commande", "Meeting notes"};
constexpr SV kSenders[] = {"sales@democrm.example", "support@democrm.example", "info@democrm.example",
                           "no-reply@democrm.example"};
constexpr SV kTaskSubjects[] = {"Call",        "Send proposal to",     "Follow up with",
                                "Rückruf bei", "Prepare contract for", "E-mail"};
constexpr SV kEventSubjects[] = {"Meeting with", "Demo for", "Lunch with", "Besuch bei", "Review with", "Call with"};
constexpr SV kQuoteSubjects[] = {"Quote for", "Angebot für", "Offer to", "Devis pour"};
constexpr SV kOrderSubjects[] = {"Order from", "Bestellung", "Commande", "Order"};
constexpr SV kInvoiceSubjects[] = {"Invoice", "Rechnung", "Facture", "Invoice to"};
constexpr SV kPurchaseSubjects[] = {"Purchase of stock from", "Einkauf bei", "Restock from", "Order to"};
constexpr SV kMeetingPlaces[] = {"Zoom", "Microsoft Teams", "Room 2.14", "Kundenbüro", "Head office",
                                 "Café", "Zürich",          "São Paulo", "Phone"};
constexpr SV kShippingMethods[] = {"Ground", "Express", "Overnight", "Pick-up"};
constexpr SV kPendingReasons[] = {"Waiting for stock", "Awaiting approval", "Payment pending"};
constexpr SV kTaxClasses[] = {"tax1", "tax1,tax2", "tax3"};
constexpr SV kUserStatuses[] = {"Active", "Active", "Active", "Active", "Active", "Active", "Active", "Inactive"};
constexpr SV kUserEndHours[] = {"23:00", "18:00", "20:00"};
constexpr SV kThemes[] = {"softed", "woodspice", "bluelagoon", "alphagrey"};
constexpr SV kLanguages[] = {"en_us", "en_us", "de_de", "fr_fr", "pt_br", "pl_pl", "sv_se"};
constexpr SV kFileVersions[] = {"1", "1.0", "1.1", "2.0", "v3"};
constexpr SV kFileLocationTypes[] = {"I", "I", "I", "I", "I", "I", "I", "I", "I", "E"};
constexpr SV kGroupNames[] = {"Team Selling", "Marketing Group", "Support Group"};
constexpr SV kGroupDescriptions[] = {"Group Related to Sales", "Group Related to Marketing Activities",
                                     "Group Related to providing Support to Customers"};
constexpr SV kFolderNames[] = {"Default", "Proposals"};
constexpr SV kFolderDescriptions[] = {"This is a Default Folder", "Signed proposals and contracts"};
constexpr SV kFileStems[] = {"proposal",  "contract_2024", "price-list", "Angebot",      "invoice_copy",
                             "datasheet", "photo",         "notes",      "Präsentation", "specification_v2"};
constexpr FileKind kFileKinds[] = {{".pdf", "application/pdf"},
                                   {".pdf", "application/pdf"},
                                   {".docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"},
                                   {".xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"},
                                   {".png", "image/png"},
                                   {".jpg", "image/jpeg"},
                                   {".txt", "text/plain"}};
constexpr CurrencyInfo kCurrencies[] = {{"USA, Dollars", "USD", "$", 1000, "-11"}, {"Euro", "EUR", "€", 920, "0"}};

}  // namespace

std::span<const Word> first_names() { return kFirstNames; }
std::span<const Word> last_names() { return kLastNames; }
std::span<const Place> places() { return kPlaces; }
std::span<const Word> company_adjectives() { return kCompanyAdjectives; }
std::span<const Word> company_nouns() { return kCompanyNouns; }
std::span<const Word> company_sectors() { return kCompanySectors; }
std::span<const SV> company_suffixes() { return kCompanySuffixes; }
std::span<const SV> mail_domains() { return kMailDomains; }
std::span<const SV> salutations() { return kSalutations; }
std::span<const SV> job_titles() { return kJobTitles; }
std::span<const SV> departments() { return kDepartments; }
std::span<const SV> ownerships() { return kOwnerships; }
std::span<const SV> sources() { return kSources; }
std::span<const SV> sentences() { return kSentences; }
std::span<const SV> solutions() { return kSolutions; }
std::span<const SV> terms() { return kTerms; }
std::span<const SV> line_comments() { return kLineComments; }
std::span<const SV> next_steps() { return kNextSteps; }
std::span<const SV> deal_names() { return kDealNames; }
std::span<const SV> ticket_titles() { return kTicketTitles; }
std::span<const SV> faq_questions() { return kFaqQuestions; }
std::span<const SV> faq_answers() { return kFaqAnswers; }
std::span<const SV> product_adjectives() { return kProductAdjectives; }
std::span<const SV> product_nouns() { return kProductNouns; }
std::span<const SV> vendor_categories() { return kVendorCategories; }
std::span<const SV> campaign_names() { return kCampaignNames; }
std::span<const SV> price_book_names() { return kPriceBookNames; }
std::span<const SV> sponsors() { return kSponsors; }
std::span<const SV> audiences() { return kAudiences; }
std::span<const SV> document_titles() { return kDocumentTitles; }
std::span<const SV> email_subjects() { return kEmailSubjects; }
std::span<const SV> senders() { return kSenders; }
std::span<const SV> task_subjects() { return kTaskSubjects; }
std::span<const SV> event_subjects() { return kEventSubjects; }
std::span<const SV> quote_subjects() { return kQuoteSubjects; }
std::span<const SV> order_subjects() { return kOrderSubjects; }
std::span<const SV> invoice_subjects() { return kInvoiceSubjects; }
std::span<const SV> purchase_subjects() { return kPurchaseSubjects; }
std::span<const SV> meeting_places() { return kMeetingPlaces; }
std::span<const SV> shipping_methods() { return kShippingMethods; }
std::span<const SV> pending_reasons() { return kPendingReasons; }
std::span<const SV> tax_classes() { return kTaxClasses; }
std::span<const SV> user_statuses() { return kUserStatuses; }
std::span<const SV> user_end_hours() { return kUserEndHours; }
std::span<const SV> themes() { return kThemes; }
std::span<const SV> languages() { return kLanguages; }
std::span<const SV> file_versions() { return kFileVersions; }
std::span<const SV> file_location_types() { return kFileLocationTypes; }
std::span<const SV> group_names() { return kGroupNames; }
std::span<const SV> group_descriptions() { return kGroupDescriptions; }
std::span<const SV> folder_names() { return kFolderNames; }
std::span<const SV> folder_descriptions() { return kFolderDescriptions; }
std::span<const SV> file_stems() { return kFileStems; }
std::span<const FileKind> file_kinds() { return kFileKinds; }
std::span<const CurrencyInfo> currencies() { return kCurrencies; }

}  // namespace pools

namespace {

// Greek letters with a tonos, whose capitals lie outside the plain 0x20 offset: {capital, small}.
constexpr char32_t kGreekTonos[][2] = {{0x386, 0x3AC}, {0x388, 0x3AD}, {0x389, 0x3AE}, {0x38A, 0x3AF},
                                       {0x38C, 0x3CC}, {0x38E, 0x3CD}, {0x38F, 0x3CE}};

// Latin Extended-A pairs letters in alternating order: capital on even code points in some runs, on odd in others.
// U+0130 / U+0131 (Turkish dotted and dotless i) do not pair with each other and are left alone.
bool capital_on_even(char32_t c) { return (c >= 0x100 && c <= 0x137) || (c >= 0x14A && c <= 0x177); }
bool capital_on_odd(char32_t c) { return (c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E); }

char32_t upper_of(char32_t c) {
  if (c >= 0xE0 && c <= 0xFE && c != 0xF7) return c - 0x20;
  if (c == 0xFF) return 0x178;
  if (c == 0x130 || c == 0x131) return c;
  if (capital_on_even(c)) return c & ~char32_t{1};
  if (capital_on_odd(c)) return (c % 2 == 0) ? c - 1 : c;
  if (c >= 0x3B1 && c <= 0x3C9) return c == 0x3C2 ? 0x3A3 : c - 0x20;
  for (const auto& pair : kGreekTonos) {
    if (pair[1] == c) return pair[0];
  }
  if (c >= 0x430 && c <= 0x44F) return c - 0x20;
  if (c >= 0x450 && c <= 0x45F) return c - 0x50;
  return c;
}

char32_t lower_of(char32_t c) {
  if (c >= 0xC0 && c <= 0xDE && c != 0xD7) return c + 0x20;
  if (c == 0x178) return 0xFF;
  if (c == 0x130 || c == 0x131) return c;
  if (capital_on_even(c)) return c | 1;
  if (capital_on_odd(c)) return (c % 2 == 1) ? c + 1 : c;
  if (c >= 0x391 && c <= 0x3A9 && c != 0x3A2) return c + 0x20;
  for (const auto& pair : kGreekTonos) {
    if (pair[0] == c) return pair[1];
  }
  if (c >= 0x410 && c <= 0x42F) return c + 0x20;
  if (c >= 0x400 && c <= 0x40F) return c + 0x50;
  return c;
}

// Every letter mapped lies in the two-byte range of UTF-8 and maps into it, so bytes are rewritten in place.
template <typename Map>
std::string map_case(std::string_view text, bool upper, Map map) {
  std::string out(text);
  for (std::size_t i = 0; i < out.size(); ++i) {
    const auto c = static_cast<unsigned char>(out[i]);
    if (c < 0x80) {
      if (upper && c >= 'a' && c <= 'z') out[i] = static_cast<char>(c - 32);
      if (!upper && c >= 'A' && c <= 'Z') out[i] = static_cast<char>(c + 32);
    } else if ((c & 0xE0) == 0xC0 && i + 1 < out.size()) {
      const auto code = static_cast<char32_t>(((c & 0x1Fu) << 6) | (static_cast<unsigned char>(out[i + 1]) & 0x3Fu));
      const char32_t mapped = map(code);
      out[i] = static_cast<char>(0xC0 | (mapped >> 6));
      out[i + 1] = static_cast<char>(0x80 | (mapped & 0x3F));
      ++i;
    }
  }
  return out;
}

}  // namespace

std::string utf8_upper(std::string_view text) { return map_case(text, true, upper_of); }
std::string utf8_lower(std::string_view text) { return map_case(text, false, lower_of); }

}  // namespace vtql::demo
