//! Every word of the interface, in French (the default) and English. Programme content is never
//! translated: it stays in the language it was written in.

use agenda_core::Lang;

pub struct Texts {
    pub loading: &'static str,
    pub retry: &'static str,
    pub error_title: &'static str,
    pub error_details: &'static str,
    pub error_back_to_default: &'static str,
    pub untitled_programme: &'static str,
    pub sections: &'static str,
    pub programme: &'static str,
    pub speakers: &'static str,
    pub days: &'static str,
    pub map_link: &'static str,
    pub remote_link: &'static str,
    pub on_site_and_remote: &'static str,
    pub about: &'static str,
    pub organisers: &'static str,
    pub audience: &'static str,
    pub about_data: &'static str,
    pub illustrative_time: &'static str,
    pub illustrative_time_long: &'static str,
    pub illustrative_room: &'static str,
    pub illustrative_speakers: &'static str,
    pub illustrative_date: &'static str,
    pub back_to_agenda: &'static str,
    pub when: &'static str,
    pub room: &'static str,
    pub theme: &'static str,
    pub format: &'static str,
    pub language: &'static str,
    pub accessibility: &'static str,
    pub links: &'static str,
    pub session_page: &'static str,
    pub cancelled: &'static str,
    pub tentative: &'static str,
    pub session_not_found: &'static str,
    pub no_sessions: &'static str,
    pub other_programmes: &'static str,
    pub programme_file: &'static str,
    pub programme_schema: &'static str,
    pub switch_language: &'static str,
    pub switch_language_label: &'static str,
    pub warnings_summary: &'static str,
    pub time_zone_note: &'static str,
    pub transport: &'static str,
    pub registration: &'static str,
    /// ": " in English, "\u{a0}: " in French (a space before the colon, which must not break).
    pub colon: &'static str,
}

const FR: Texts = Texts {
    loading: "Chargement du programme…",
    retry: "Réessayer",
    error_title: "Le programme ne peut pas être affiché",
    error_details: "Détails pour l’organisation",
    error_back_to_default: "Voir le programme par défaut",
    untitled_programme: "Programme",
    sections: "Sections de l’agenda",
    programme: "Programme",
    speakers: "Intervenantes et intervenants",
    days: "Jours",
    map_link: "Voir le lieu sur OpenStreetMap",
    remote_link: "Suivre à distance",
    on_site_and_remote: "Sur place et à distance",
    about: "À propos de l’événement",
    organisers: "Organisation",
    audience: "Public",
    about_data: "À propos de ces données",
    illustrative_time: "horaire indicatif",
    illustrative_time_long: "Horaire indicatif : la source ne donne pas l’heure de cette séance.",
    illustrative_room: "salle indicative",
    illustrative_speakers:
        "Répartition indicative des intervenant·es : la source ne la précise pas.",
    illustrative_date: "Date indicative : la source ne la précise pas.",
    back_to_agenda: "Retour au programme",
    when: "Quand",
    room: "Salle",
    theme: "Thème",
    format: "Format",
    language: "Langue",
    accessibility: "Accessibilité",
    links: "Liens",
    session_page: "Page de la séance sur le site de l’événement",
    cancelled: "Annulée",
    tentative: "À confirmer",
    session_not_found: "Cette séance n’est pas (ou plus) au programme.",
    no_sessions: "Aucune séance n’est encore au programme.",
    other_programmes: "Autres programmes",
    programme_file: "Fichier du programme (JSON)",
    programme_schema: "Format des programmes (JSON Schema)",
    switch_language: "English",
    switch_language_label: "Read this agenda in English",
    warnings_summary: "Éléments du fichier non affichés",
    time_zone_note: "Heures locales de l’événement",
    transport: "Accès",
    registration: "Inscription",
    colon: "\u{a0}: ",
};

const EN: Texts = Texts {
    loading: "Loading the programme…",
    retry: "Try again",
    error_title: "The programme cannot be shown",
    error_details: "Details for the organisers",
    error_back_to_default: "See the default programme",
    untitled_programme: "Programme",
    sections: "Agenda sections",
    programme: "Programme",
    speakers: "Speakers",
    days: "Days",
    map_link: "See the place on OpenStreetMap",
    remote_link: "Join remotely",
    on_site_and_remote: "On site and remote",
    about: "About the event",
    organisers: "Organisers",
    audience: "Audience",
    about_data: "About this data",
    illustrative_time: "indicative time",
    illustrative_time_long: "Indicative time: the source does not give this session's time.",
    illustrative_room: "indicative room",
    illustrative_speakers:
        "Indicative line-up: the source does not say who speaks in which session.",
    illustrative_date: "Indicative date: the source does not say.",
    back_to_agenda: "Back to the programme",
    when: "When",
    room: "Room",
    theme: "Theme",
    format: "Format",
    language: "Language",
    accessibility: "Accessibility",
    links: "Links",
    session_page: "Session page on the event's website",
    cancelled: "Cancelled",
    tentative: "To be confirmed",
    session_not_found: "This session is not (or no longer) in the programme.",
    no_sessions: "No session is in the programme yet.",
    other_programmes: "Other programmes",
    programme_file: "Programme file (JSON)",
    programme_schema: "Programme format (JSON Schema)",
    switch_language: "Français",
    switch_language_label: "Lire cet agenda en français",
    warnings_summary: "Parts of the file not shown",
    time_zone_note: "Event's local times",
    transport: "Getting there",
    registration: "Registration",
    colon: ": ",
};

pub fn texts(lang: Lang) -> &'static Texts {
    match lang {
        Lang::Fr => &FR,
        Lang::En => &EN,
    }
}

/// How an accessibility arrangement code of the programme format reads.
pub fn accessibility_label(lang: Lang, code: &str) -> String {
    let known = match (code, lang) {
        ("lsf", Lang::Fr) => "Interprétation en langue des signes française (LSF)",
        ("lsf", Lang::En) => "French Sign Language (LSF) interpretation",
        ("captions", Lang::Fr) => "Sous-titrage en direct",
        ("captions", Lang::En) => "Live captions",
        ("audio-description", Lang::Fr) => "Audiodescription",
        ("audio-description", Lang::En) => "Audio description",
        ("induction-loop", Lang::Fr) => "Boucle magnétique",
        ("induction-loop", Lang::En) => "Induction loop",
        ("easy-read", Lang::Fr) => "Facile à lire et à comprendre (FALC)",
        ("easy-read", Lang::En) => "Easy read",
        ("wheelchair", Lang::Fr) => "Accessible en fauteuil roulant",
        ("wheelchair", Lang::En) => "Wheelchair accessible",
        _ => return code.to_owned(),
    };
    known.to_owned()
}

/// A language tag of session content, named for the visitor ("fr" → "français").
pub fn language_name(lang: Lang, tag: &str) -> String {
    let primary = tag
        .split(['-', '_'])
        .next()
        .unwrap_or(tag)
        .to_ascii_lowercase();
    let name = match (primary.as_str(), lang) {
        ("fr", Lang::Fr) => "français",
        ("en", Lang::Fr) => "anglais",
        ("de", Lang::Fr) => "allemand",
        ("es", Lang::Fr) => "espagnol",
        ("it", Lang::Fr) => "italien",
        ("fr", Lang::En) => "French",
        ("en", Lang::En) => "English",
        ("de", Lang::En) => "German",
        ("es", Lang::En) => "Spanish",
        ("it", Lang::En) => "Italian",
        _ => return tag.to_owned(),
    };
    name.to_owned()
}
