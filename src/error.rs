//! What can go wrong while getting the programme, as values the page can explain.

use agenda_core::{Lang, ProgrammeError};

#[derive(Clone, Debug, PartialEq)]
pub enum AppError {
    /// The request did not complete: offline, DNS, CORS, refused connection.
    Network,
    /// No answer in time.
    Timeout,
    /// The server answered with an error status.
    Http(u16),
    /// The file arrived but is not a programme the agenda can show.
    Programme(ProgrammeError),
}

impl AppError {
    /// The headline for the visitor.
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (AppError::Network, Lang::Fr) => {
                "Le programme n’a pas pu être chargé : le réseau ne répond pas ou l’adresse du programme n’est pas joignable.".into()
            }
            (AppError::Network, Lang::En) => {
                "The programme could not be loaded: the network is not answering or the programme's address cannot be reached.".into()
            }
            (AppError::Timeout, Lang::Fr) => "Le programme met trop de temps à arriver : le réseau est peut-être saturé.".into(),
            (AppError::Timeout, Lang::En) => "The programme is taking too long to arrive: the network may be overloaded.".into(),
            (AppError::Http(404), Lang::Fr) => "Le programme est introuvable (erreur 404) : vérifiez son adresse.".into(),
            (AppError::Http(404), Lang::En) => "The programme was not found (error 404): check its address.".into(),
            (AppError::Http(s), Lang::Fr) if *s >= 500 => format!("Le serveur du programme a rencontré une erreur ({s}). Réessayez dans un instant."),
            (AppError::Http(s), Lang::En) if *s >= 500 => format!("The programme's server had an error ({s}). Try again in a moment."),
            (AppError::Http(s), Lang::Fr) => format!("Le programme n’a pas pu être chargé (erreur {s})."),
            (AppError::Http(s), Lang::En) => format!("The programme could not be loaded (error {s})."),
            (AppError::Programme(e), lang) => e.message(lang),
        }
    }

    /// Whether trying again may help (the network, a server error), as opposed to a file that
    /// will be just as broken the next time.
    pub fn retryable(&self) -> bool {
        matches!(
            self,
            AppError::Network | AppError::Timeout | AppError::Http(_)
        )
    }
}
