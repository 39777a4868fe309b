//! Who can take the floor: the 193 UN member states with their ISO 3166-1
//! alpha-3 codes and the names they go by in records, the observer states,
//! the negotiating groups and the organisations. Data only; the rules that
//! use it are in the parent module.

/// A registry entry: canonical name, ISO code for a state, and aliases
/// (lower case; a leading "the" is ignored when matching).
pub(crate) struct Entry {
    pub name: &'static str,
    pub iso3: Option<&'static str>,
    pub aliases: &'static [&'static str],
}

macro_rules! states {
    ($($name:literal $iso:literal [$($alias:literal),*]),* $(,)?) => {
        &[$(Entry { name: $name, iso3: Some($iso), aliases: &[$($alias),*] }),*]
    };
}

macro_rules! others {
    ($($name:literal [$($alias:literal),*]),* $(,)?) => {
        &[$(Entry { name: $name, iso3: None, aliases: &[$($alias),*] }),*]
    };
}

/// The 193 member states of the United Nations.
pub(crate) const MEMBER_STATES: &[Entry] = states![
    "Afghanistan" "AFG" [], "Albania" "ALB" [], "Algeria" "DZA" [], "Andorra" "AND" [],
    "Angola" "AGO" [], "Antigua and Barbuda" "ATG" [], "Argentina" "ARG" [], "Armenia" "ARM" [],
    "Australia" "AUS" [], "Austria" "AUT" [], "Azerbaijan" "AZE" [], "Bahamas" "BHS" [],
    "Bahrain" "BHR" [], "Bangladesh" "BGD" [], "Barbados" "BRB" [], "Belarus" "BLR" [],
    "Belgium" "BEL" [], "Belize" "BLZ" [], "Benin" "BEN" [], "Bhutan" "BTN" [],
    "Plurinational State of Bolivia" "BOL" ["bolivia", "bolivia (plurinational state of)"],
    "Bosnia and Herzegovina" "BIH" ["bosnia"], "Botswana" "BWA" [], "Brazil" "BRA" [],
    "Brunei Darussalam" "BRN" ["brunei"], "Bulgaria" "BGR" [], "Burkina Faso" "BFA" [],
    "Burundi" "BDI" [], "Cabo Verde" "CPV" ["cape verde"], "Cambodia" "KHM" [],
    "Cameroon" "CMR" [], "Canada" "CAN" [], "Central African Republic" "CAF" [], "Chad" "TCD" [],
    "Chile" "CHL" [], "China" "CHN" ["people's republic of china"], "Colombia" "COL" [],
    "Comoros" "COM" [], "Congo" "COG" ["republic of the congo", "republic of congo"],
    "Costa Rica" "CRI" [], "Côte d'Ivoire" "CIV" ["cote d'ivoire", "ivory coast"],
    "Croatia" "HRV" [], "Cuba" "CUB" [], "Cyprus" "CYP" [], "Czechia" "CZE" ["czech republic"],
    "Democratic People's Republic of Korea" "PRK" ["dprk", "north korea"],
    "Democratic Republic of the Congo" "COD" ["drc", "dr congo"], "Denmark" "DNK" [],
    "Djibouti" "DJI" [], "Dominica" "DMA" [], "Dominican Republic" "DOM" [], "Ecuador" "ECU" [],
    "Egypt" "EGY" [], "El Salvador" "SLV" ["salvador"], "Equatorial Guinea" "GNQ" [],
    "Eritrea" "ERI" [], "Estonia" "EST" [], "Eswatini" "SWZ" ["swaziland"], "Ethiopia" "ETH" [],
    "Fiji" "FJI" [], "Finland" "FIN" [], "France" "FRA" [], "Gabon" "GAB" [], "Gambia" "GMB" [],
    "Georgia" "GEO" [], "Germany" "DEU" [], "Ghana" "GHA" [], "Greece" "GRC" [],
    "Grenada" "GRD" [], "Guatemala" "GTM" [], "Guinea" "GIN" [], "Guinea-Bissau" "GNB" [],
    "Guyana" "GUY" [], "Haiti" "HTI" [], "Honduras" "HND" [], "Hungary" "HUN" [],
    "Iceland" "ISL" [], "India" "IND" [], "Indonesia" "IDN" [],
    "Islamic Republic of Iran" "IRN" ["iran", "iran (islamic republic of)"], "Iraq" "IRQ" [],
    "Ireland" "IRL" [], "Israel" "ISR" [], "Italy" "ITA" [], "Jamaica" "JAM" [], "Japan" "JPN" [],
    "Jordan" "JOR" [], "Kazakhstan" "KAZ" [], "Kenya" "KEN" [], "Kiribati" "KIR" [],
    "Kuwait" "KWT" [], "Kyrgyzstan" "KGZ" ["kyrgyz republic"],
    "Lao People's Democratic Republic" "LAO" ["laos", "lao pdr"], "Latvia" "LVA" [],
    "Lebanon" "LBN" [], "Lesotho" "LSO" [], "Liberia" "LBR" [], "Libya" "LBY" [],
    "Liechtenstein" "LIE" [], "Lithuania" "LTU" [], "Luxembourg" "LUX" [],
    "Madagascar" "MDG" [], "Malawi" "MWI" [], "Malaysia" "MYS" [], "Maldives" "MDV" [],
    "Mali" "MLI" [], "Malta" "MLT" [], "Marshall Islands" "MHL" [], "Mauritania" "MRT" [],
    "Mauritius" "MUS" [], "Mexico" "MEX" [],
    "Federated States of Micronesia" "FSM" ["micronesia", "micronesia (federated states of)"],
    "Monaco" "MCO" [], "Mongolia" "MNG" [], "Montenegro" "MNE" [], "Morocco" "MAR" [],
    "Mozambique" "MOZ" [], "Myanmar" "MMR" ["burma"], "Namibia" "NAM" [], "Nauru" "NRU" [],
    "Nepal" "NPL" [],
    "Kingdom of the Netherlands" "NLD" ["netherlands", "kingdom of netherlands", "netherlands (kingdom of the)", "holland"],
    "New Zealand" "NZL" [], "Nicaragua" "NIC" [], "Niger" "NER" [], "Nigeria" "NGA" [],
    "North Macedonia" "MKD" ["macedonia", "former yugoslav republic of macedonia"],
    "Norway" "NOR" [], "Oman" "OMN" [], "Pakistan" "PAK" [], "Palau" "PLW" [], "Panama" "PAN" [],
    "Papua New Guinea" "PNG" [], "Paraguay" "PRY" [], "Peru" "PER" [], "Philippines" "PHL" [],
    "Poland" "POL" [], "Portugal" "PRT" [], "Qatar" "QAT" [],
    "Republic of Korea" "KOR" ["korea", "south korea", "rok"],
    "Republic of Moldova" "MDA" ["moldova"], "Romania" "ROU" [],
    "Russian Federation" "RUS" ["russia"], "Rwanda" "RWA" [], "Saint Kitts and Nevis" "KNA" [],
    "Saint Lucia" "LCA" [], "Saint Vincent and the Grenadines" "VCT" [], "Samoa" "WSM" [],
    "San Marino" "SMR" [], "Sao Tome and Principe" "STP" ["são tomé and príncipe"],
    "Saudi Arabia" "SAU" [], "Senegal" "SEN" [], "Serbia" "SRB" [], "Seychelles" "SYC" [],
    "Sierra Leone" "SLE" [], "Singapore" "SGP" [], "Slovakia" "SVK" ["slovak republic"],
    "Slovenia" "SVN" [], "Solomon Islands" "SLB" [], "Somalia" "SOM" [],
    "South Africa" "ZAF" [], "South Sudan" "SSD" [], "Spain" "ESP" [], "Sri Lanka" "LKA" [],
    "Sudan" "SDN" [], "Suriname" "SUR" [], "Sweden" "SWE" [], "Switzerland" "CHE" [],
    "Syrian Arab Republic" "SYR" ["syria"], "Tajikistan" "TJK" [], "Thailand" "THA" [],
    "Timor-Leste" "TLS" ["east timor"], "Togo" "TGO" [], "Tonga" "TON" [],
    "Trinidad and Tobago" "TTO" [], "Tunisia" "TUN" [], "Türkiye" "TUR" ["turkey", "turkiye"],
    "Turkmenistan" "TKM" [], "Tuvalu" "TUV" [], "Uganda" "UGA" [], "Ukraine" "UKR" [],
    "United Arab Emirates" "ARE" ["uae"],
    "United Kingdom" "GBR" ["uk", "u.k.", "united kingdom of great britain and northern ireland", "great britain", "britain"],
    "United Republic of Tanzania" "TZA" ["tanzania"],
    "United States" "USA" ["us", "u.s.", "usa", "united states of america"],
    "Uruguay" "URY" [], "Uzbekistan" "UZB" [], "Vanuatu" "VUT" [],
    "Bolivarian Republic of Venezuela" "VEN" ["venezuela", "venezuela (bolivarian republic of)"],
    "Viet Nam" "VNM" ["vietnam"], "Yemen" "YEM" [], "Zambia" "ZMB" [], "Zimbabwe" "ZWE" [],
];

/// Non-member observer states.
pub(crate) const OBSERVER_STATES: &[Entry] = states![
    "Holy See" "VAT" ["vatican"],
    "State of Palestine" "PSE" ["palestine", "observer state of palestine"],
];

/// Negotiating groups and regional organisations that speak for members.
pub(crate) const GROUPS: &[Entry] = others![
    "European Union" ["eu", "e.u."],
    "African Group" ["group of african states", "african group of states"],
    "Arab Group" ["group of arab states"],
    "Non-Aligned Movement" ["nam", "non aligned movement"],
    "Pacific Islands Forum" ["pif"],
    "Group of Like-Minded States" ["like-minded group", "like-minded states", "like-minded countries", "group of like-minded countries"],
    "Group of 77 and China" ["g77", "g-77", "g77 and china", "group of 77"],
    "Caribbean Community" ["caricom"],
    "Association of Southeast Asian Nations" ["asean"],
    "Nordic Countries" ["nordic group", "nordics"],
    "Benelux" [],
    "Latin American and Caribbean Group" ["grulac", "group of latin american and caribbean states"],
    "Gulf Cooperation Council" ["gcc", "cooperation council for the arab states of the gulf"],
    "CANZ" ["canz group", "canada, australia and new zealand"],
    "Nordic-Baltic Eight" ["nb8", "nordic and baltic states", "nordic-baltic states", "nordic-baltic countries", "nordic and baltic countries"],
    "Community of Latin American and Caribbean States" ["celac"],
    "Central American Integration System" ["sica"],
    "Organisation of Islamic Cooperation" ["oic", "organization of islamic cooperation"],
    "Alliance of Small Island States" ["aosis"],
    "Collective Security Treaty Organization" ["csto"],
    "Commonwealth of Independent States" ["cis"],
    "Shanghai Cooperation Organisation" ["sco"],
    "Southern African Development Community" ["sadc"],
    "Economic Community of West African States" ["ecowas"],
    "League of Arab States" ["arab league"],
    "BRICS" [],
];

/// The UN regional groups by ISO code (the UN Department for General
/// Assembly and Conference Management's list). Asia-Pacific is every other
/// member state except Kiribati, which belongs to no group; the United
/// States and Türkiye are listed with WEOG, as for elections.
pub(crate) const AFRICAN: &[&str] = &[
    "DZA", "AGO", "BEN", "BWA", "BFA", "BDI", "CPV", "CMR", "CAF", "TCD", "COM", "COG", "CIV",
    "COD", "DJI", "EGY", "GNQ", "ERI", "SWZ", "ETH", "GAB", "GMB", "GHA", "GIN", "GNB", "KEN",
    "LSO", "LBR", "LBY", "MDG", "MWI", "MLI", "MRT", "MUS", "MAR", "MOZ", "NAM", "NER", "NGA",
    "RWA", "STP", "SEN", "SYC", "SLE", "SOM", "ZAF", "SSD", "SDN", "TZA", "TGO", "TUN", "UGA",
    "ZMB", "ZWE",
];
/// Eastern European States.
pub(crate) const EASTERN_EUROPEAN: &[&str] = &[
    "ALB", "ARM", "AZE", "BLR", "BIH", "BGR", "HRV", "CZE", "EST", "GEO", "HUN", "LVA", "LTU",
    "MNE", "MKD", "POL", "MDA", "ROU", "RUS", "SRB", "SVK", "SVN", "UKR",
];
/// Latin American and Caribbean States.
pub(crate) const LATIN_AMERICAN_CARIBBEAN: &[&str] = &[
    "ATG", "ARG", "BHS", "BRB", "BLZ", "BOL", "BRA", "CHL", "COL", "CRI", "CUB", "DMA", "DOM",
    "ECU", "SLV", "GRD", "GTM", "GUY", "HTI", "HND", "JAM", "MEX", "NIC", "PAN", "PRY", "PER",
    "KNA", "LCA", "VCT", "SUR", "TTO", "URY", "VEN",
];
/// Western European and other States.
pub(crate) const WESTERN_EUROPEAN_OTHERS: &[&str] = &[
    "AND", "AUS", "AUT", "BEL", "CAN", "DNK", "FIN", "FRA", "DEU", "GRC", "ISL", "IRL", "ISR",
    "ITA", "LIE", "LUX", "MLT", "MCO", "NLD", "NZL", "NOR", "PRT", "SMR", "ESP", "SWE", "CHE",
    "TUR", "GBR", "USA",
];
/// Member states in no regional group.
pub(crate) const NO_GROUP: &[&str] = &["KIR"];

/// The UN and other intergovernmental organisations.
pub(crate) const ORGANIZATIONS: &[Entry] = others![
    "United Nations" ["un", "united nations secretariat"],
    "UNIDIR" ["united nations institute for disarmament research"],
    "UNODA" ["united nations office for disarmament affairs", "office for disarmament affairs"],
    "UNODC" ["united nations office on drugs and crime"],
    "ITU" ["international telecommunication union"],
    "ICRC" ["international committee of the red cross"],
    "INTERPOL" [],
    "OSCE" ["organization for security and co-operation in europe"],
    "OAS" ["organization of american states"],
    "African Union" ["au", "african union commission"],
    "Council of Europe" [],
    "UNESCO" [],
    "UNICEF" [],
    "UN Women" [],
    "World Bank" [],
    "Commonwealth" ["commonwealth secretariat"],
    "UNDP" ["united nations development programme"],
];

/// Words that mark a non-governmental stakeholder in a label.
pub(crate) const STAKEHOLDER_WORDS: &[&str] = &[
    "university",
    "institute",
    "foundation",
    "association",
    "alliance",
    "coalition",
    "network",
    "centre",
    "center",
    "society",
    "microsoft",
    "google",
    "kaspersky",
    "icann",
    "access now",
    "chatham house",
    "tech accord",
    "partners",
    "council",
    "ngo",
    "academy",
    "company",
    "corporation",
    "inc",
    "ltd",
    "forum",
];

/// Names of the Chairs of the OEWG processes, as they appear in labels.
pub(crate) const CHAIR_NAMES: &[&str] = &["gafoor", "lauber"];

/// Words that make a label the Chair's.
pub(crate) const CHAIR_WORDS: &[&str] = &[
    "chair",
    "chairman",
    "chairperson",
    "chairwoman",
    "president",
    "moderator",
];
