/// Language resources for understanding (never for what the bot says): function words,
/// and phrases that signal small talk, emergencies or a wish to talk to a person.
/// Phrases are token sequences; a token ending in `*` matches any token with that prefix.
public struct Lexicon: Sendable {
    public var stopwords: Set<String>
    /// Words that mark the language (for detection); broader than stopwords.
    public var markers: Set<String>
    public var smalltalk: [(SmalltalkKind, [[String]])]
    public var emergency: [[String]]
    public var humanRequest: [[String]]
    /// Phrases asking for a copy of one's data or its erasure (GDPR Art. 15, 17): staff must act
    /// on them, so they open a case of their own kind (questions about what is stored are small talk).
    public var dataRequest: [[String]] = []
    /// Phrases saying the bot did not help ("das hat mir nicht geholfen", "I don't understand");
    /// as all a message says, they pass the conversation to a person like `humanRequest`.
    public var frustration: [[String]] = []
    /// Words that make a message a follow-up to the previous topic ("und was kostet das?").
    public var followUp: Set<String>
    /// Words that ask about an aspect of any service (cost, duration, documents, appointments,
    /// opening days and hours), never a subject of their own: "und wie lange dauert das?" and
    /// "Öffnungszeiten?" stay with the last topic.
    public var aspects: Set<String> = []
    /// Phrases that ask to be answered in this lexicon's language ("do you speak English?").
    public var languageRequest: [[String]] = []
    /// Words after thanks that say what they are for ("danke für …", "thanks for …").
    public var gratitudeLinks: Set<String> = []
    /// Words that begin a question; what thanks are for ends before them.
    public var questionWords: Set<String> = []
    /// Words that, as all a message says ("Hilfe", "I need help"), ask what the bot can do.
    public var helpWords: Set<String> = []
    /// Words that join two questions in one sentence ("… und was kostet ein Perso?").
    public var clauseJoiners: Set<String> = []
    /// Phrases that only check whether the bot answers ("test", "Testnachricht"): a greeting when
    /// the message says nothing else, but words of the question in one ("Kann ich einen
    /// Corona-Test machen?" goes to staff, not to the greeting).
    public var probes: [[String]] = []
    /// Words naming relatives and people close to one ("Oma", "my wife"): they say for whom,
    /// rarely what about, so they weigh little however rare they are in the texts.
    public var people: Set<String> = []
    /// Countries, continents and their peoples ("Spanien", "from Brazil", "Italiener"): they say
    /// where from or where to, rarely what about, so like `people` they weigh little, and they
    /// are never split as compounds ("Großbritannien").
    public var places: Set<String> = []

    /// The built-in lexicon for a language code (empty for unknown languages).
    public static func builtIn(_ language: String) -> Lexicon {
        switch language {
        case "de": return german
        case "en": return english
        default: return Lexicon(stopwords: [], markers: [], smalltalk: [], emergency: [], humanRequest: [], followUp: [])
        }
    }

    static func phrases(_ list: [String]) -> [[String]] {
        list.map { $0.split(separator: " ").map(String.init) }
    }
}

extension Lexicon {
    static let german = Lexicon(
        stopwords: Set("""
            aber alle allem allen aller alles als also am an ander andere anderen auch auf aus bei beim bin bis bitte \
            bist da dabei dadurch dafür damit dann darf darauf das dass dazu dein deine dem den denn der des dich die \
            dies diese diesem diesen dieser dieses dir doch dort du durch eigentlich ein eine einem einen einer eines \
            einfach er es etwa etwas euch euer eure für gibt gibts gab ganz gerade geht gehen gut hab habe haben hallo \
            hat hatte hätte her hier hin hinter ich ihm ihn ihnen ihr ihre ihrem ihren im in irgendwie irgendwo ist ja \
            jetzt kann kannst können könnte könnten kein keine man mal mehr mein meine meinem meinen meiner mich mir mit \
            muss müssen musste möchte möchten nach nicht nichts noch nun nur ob oder ohne schon sehr sein seine sich sie \
            sind so soll sollte sollen sowas um und uns unser unsere unter viel vom von vor war wäre warum was weil \
            welche welchen welcher welches wem wen wenn wer werde werden wie wieder will wir wird wo wurde wurden würde \
            zu zum zur zwar über ne nen nem son sone is isses gern gerne leider echt bzw z b eigentl okay ok guten tag \
            wann wieso weshalb woher wohin brauche brauch brauchen bräuchte eigene eigenen eigener eigenes eigenem machen mache macht bekomme bekommen kriege \
            krieg kriegen bekommt frage fragen weiß wissen sagen kurz mal halt eben denn nochmal sowie beziehungsweise \
            liebe lieber sehr geehrte geehrter danke dank grüße gruß vielen herzlichen kommt komme kommen kam nein \
            juhu yay haha hahaha lol omg ach oh ohje hmm \
            lassen lässt ließ gehe ging gegangen gekommen sagt sagen tun tue getan erledigen erledige erledigt glaube \
            glaub denke vermute vielleicht eventuell wahrscheinlich wegen trotz während nie niemals \
            sondern sogar bereits deshalb deswegen trotzdem jedoch allerdings bisher immer oft manchmal \
            wirklich genau eher ziemlich daher nich nix jetz grad
            """.split(separator: " ").map(String.init)),
        markers: Set("""
            der die das und ich ist nicht mein meine wie was wo kann bei für mit ein eine sie wir habe bin auch noch zum \
            zur vom im am ob oder wann muss mir mich bitte gibt es den dem des sich auf aus wer warum wieso hallo danke \
            kein keine schon nach über unsere unser euch ihr ihre hab geht gerade
            """.split(separator: " ").map(String.init)),
        smalltalk: [
            (.identity, phrases([
                "wer bist du", "wer sind sie", "bist du ein*", "bist du mensch", "sind sie ein*", "bist du echt",
                "mit wem spreche", "mit wem schreibe", "mit wem rede", "bist du eine ki", "bist du ein bot",
                "bin ich hier mit", "bin ich mit", "spreche ich mit", "schreibe ich mit", "chatte ich mit",
                "rede ich mit", "ist das ein mensch", "ist das ein bot", "ist hier ein mensch",
            ])),
            (.capabilities, phrases([
                "was kannst du", "was können sie", "wobei kannst du", "wobei können sie", "wie kannst du mir helfen",
                "was weißt du", "was machst du", "wofür bist du", "können sie mir helfen", "kannst du mir helfen",
            ])),
            // Questions about what the bot stores; requests to see or erase data go to staff.
            (.privacy, phrases([
                "datenschutz*", "daten speichern", "speichert ihr", "speichern sie meine", "speicherst du",
                "wie lange speicher*", "was speicher*",
            ])),
            // Thanks, and the acknowledgments that end a question answered ("alles klar", "super").
            (.thanks, phrases([
                "danke*", "vielen dank", "besten dank", "herzlichen dank", "merci", "dankeschön", "thx", "alles klar",
                "super", "prima", "perfekt", "toll", "klasse", "gut zu wissen", "verstanden",
                // "Danke, sehr hilfreich!" answered the driving licence ("hilfreich" weighed as a topic word).
                "hilfreich", "hat geholfen", "hat mir geholfen", "hilft mir weiter", "das hilft",
            ])),
            (.goodbye, phrases([
                "tschüss", "tschüs", "tschau", "ciao", "auf wiedersehen", "bis bald", "bis dann", "schönes wochenende",
                "schönen tag", "schönen abend", "servus und tschüss", "ade",
                // A letter's closing: "Mit freundlichen Grüßen" weighed "freundlich" like a topic word.
                "mit freundlichen grüßen", "freundliche grüße", "beste grüße", "herzliche grüße", "mfg", "lg",
            ])),
            (.greeting, phrases([
                "hallo", "hallöchen", "hi", "hey", "moin", "servus", "guten morgen", "guten tag", "guten abend",
                "grüß gott", "grüss gott", "huhu", "tach", "na du", "wie geht es dir", "wie geht es ihnen",
                "wie geht's", "wie gehts", "ist da jemand", "ist jemand da", "schöne grüße", "viele grüße", "liebe grüße",
                "sehr geehrte damen und herren", "sehr geehrte", "sehr geehrter", "liebes team", "hallo zusammen",
            ])),
        ],
        emergency: phrases([
            "notfall", "notruf", "es brennt", "brennt", "feuer", "rauch", "herzinfarkt", "schlaganfall", "bewusstlos",
            "atmet nicht", "keine luft", "bekomme keine luft", "blutet", "blutung", "schwer verletzt", "verletzt",
            "unfall", "ertrinkt", "ertrinken", "überfall", "überfallen", "einbrecher", "bedroht", "bedroht mich",
            "umbringen", "suizid", "selbstmord", "mich töten", "krankenwagen", "rettungswagen", "notarzt",
            "gasgeruch", "riecht nach gas", "vergiftung", "vergiftet", "lebensgefahr", "lebensgefährlich",
        ]),
        humanRequest: phrases([
            "mitarbeiter sprechen", "mitarbeiterin sprechen", "mit einem mitarbeiter", "mit einer mitarbeiterin",
            "mit einem menschen", "echten menschen", "echter mensch", "mensch sprechen", "menschen sprechen",
            "person sprechen", "mit jemandem sprechen", "sachbearbeiter sprechen", "mit ihrem team",
            "kein bot", "keinen bot",
            // A call back, or a message for someone on the staff, only a person can arrange.
            "zurückrufen", "zurückgerufen", "rückruf", "ruft mich", "rufen sie mich", "mich anrufen",
        ]),
        dataRequest: phrases([
            "daten löschen", "daten gelöscht", "daten entfernen", "löscht meine daten", "lösche meine daten",
            "löschen sie meine daten", "löscht bitte meine daten", "löschung meiner daten", "löschung meiner",
            "chat löschen", "nachrichten löschen", "kopie meiner daten", "auskunft über meine daten", "datenauskunft",
            "nach dsgvo", "nach der dsgvo", "gemäß dsgvo", "dsgvo auskunft", "auskunftsersuchen", "recht auf löschung",
            "recht auf auskunft", "art 15 dsgvo", "art 17 dsgvo",
        ]),
        frustration: phrases([
            "nicht geholfen", "hilft mir nicht", "hilft nicht weiter", "bringt mir nichts", "nutzlos",
            "nicht hilfreich", "wenig hilfreich",
            "verstehe das nicht", "verstehe ich nicht", "versteh ich nicht", "versteh das nicht",
        ]),
        followUp: ["und", "das", "dafür", "dazu", "davon", "darauf", "dort", "da", "es", "ihn", "sie", "den", "der", "die", "dem"],
        aspects: Set("""
            kosten kostet gebühr gebühren preis teuer günstig bezahlen zahlen bar karte dauer dauert lange schnell \
            express unterlagen dokumente nachweise nachweis mitbringen mitnehmen brauche brauchen benötige benötigen \
            termin termine online internet formular antrag frist fristen wann öffnungszeiten geöffnet offen \
            zuständig adresse telefon telefonnummer kontakt persönlich vollmacht \
            montag dienstag mittwoch donnerstag freitag samstag sonntag montags dienstags mittwochs donnerstags \
            freitags samstags sonntags wochenende feiertag feiertags heute morgen morgens mittags abends uhr \
            englisch englische englischen sprache übersetzung übersetzt email e-mail mail post brief
            """.split(whereSeparator: \.isWhitespace).map(String.init)),
        languageRequest: phrases([
            "sprechen sie deutsch", "sprichst du deutsch", "deutsch bitte", "bitte deutsch",
            "können wir deutsch", "kann ich deutsch",
            // Asked in English for German.
            "do you speak german", "can you speak german", "german please", "in german please",
        ]),
        gratitudeLinks: ["für"],
        questionWords: [
            "wie", "wann", "wo", "was", "welche", "welcher", "welches", "wer", "warum", "wieso", "weshalb", "woher",
            "wohin", "wozu", "kann", "können", "muss", "müssen", "darf", "gibt", "ist", "und", "aber",
        ],
        helpWords: ["hilfe", "helfen"],
        clauseJoiners: ["und", "sowie", "außerdem", "ausserdem"],
        probes: phrases(["test", "testnachricht", "nur ein test", "ist nur ein test"]),
        people: Set("""
            frau mann ehefrau ehemann gattin gatte partner partnerin lebensgefährte lebensgefährtin mutter vater \
            mama papa mutti vati eltern oma opa omi großmutter großvater großeltern sohn tochter bruder schwester \
            tante onkel neffe nichte cousin cousine enkel enkelin freund freundin verlobte verlobter schwiegermutter \
            schwiegervater \
            frauen männer mannes mütter väter vaters söhne sohnes töchter brüder bruders schwestern tanten onkels \
            enkels enkelkind enkelkinder freunde freundes freundinnen partners omas opas
            """.split(whereSeparator: \.isWhitespace).map(String.init)),
        places: Set("""
            spanien italien frankreich polen türkei griechenland portugal österreich schweiz niederlande holland \
            belgien luxemburg dänemark schweden norwegen finnland irland england schottland grossbritannien \
            usa amerika kanada mexiko brasilien argentinien kolumbien chile peru venezuela indien pakistan \
            bangladesch china japan korea vietnam thailand philippinen indonesien australien neuseeland russland \
            ukraine weissrussland belarus moldau rumänien bulgarien ungarn tschechien slowakei kroatien serbien \
            bosnien kosovo albanien mazedonien nordmazedonien slowenien montenegro litauen lettland estland \
            syrien irak iran afghanistan libanon israel jordanien ägypten marokko tunesien algerien libyen \
            nigeria ghana kenia äthiopien eritrea somalia kamerun afrika asien südamerika nordamerika \
            spanier spanierin italiener italienerin franzose französin pole polin türke türkin grieche griechin \
            portugiese portugiesin österreicher österreicherin schweizer schweizerin niederländer niederländerin \
            brite britin engländer engländerin ire irin amerikaner amerikanerin kanadier kanadierin brasilianer \
            brasilianerin inder inderin chinese chinesin russe russin ukrainer ukrainerin rumäne rumänin \
            bulgare bulgarin kroate kroatin serbe serbin syrer syrerin afghane afghanin iraker irakerin
            """.split(whereSeparator: \.isWhitespace).map(String.init))
    )

    static let english = Lexicon(
        // Contractions are tokenised without their apostrophe; "I'd" and "I'll" would be "id" and "ill".
        stopwords: Set("""
            a about after all also am an and any anything are as at be been being but by can could did do does doing \
            done for from get gets getting got had has have having he her here hers him his how i if in into is it its \
            just me might more most much must my need needs no not now of off on once only or other our ours out over \
            own please really same shall she should so some such than that the their theirs them then there these they \
            this those through to too under until up us very was we were what when where which while who whom why will \
            with would you your yours yourself hi hello hey thanks thank ok okay there's i'm im whats get want wanted \
            know tell let lets kind anyone someone somebody anybody something many ask dear go going goes went gone come comes \
            coming came make makes made say says said thing things think guess believe maybe perhaps probably \
            don't doesn't didn't isn't aren't wasn't weren't hasn't haven't hadn't can't couldn't won't wouldn't \
            shouldn't i've you're you've it's that's we're we've they're they've never \
            yay yeah yep yup wow haha hahaha lol omg hooray oh ah ugh hmm btw
            """.split(whereSeparator: \.isWhitespace).map(String.init)),
        markers: Set("""
            the and i is my how what where can do does to for with a an you we have am of are there this that it be \
            which who when why your our please hi hello thanks not just need here from bye goodbye thank
            """.split(separator: " ").map(String.init)),
        smalltalk: [
            (.identity, phrases([
                "who are you", "who am i talking to", "who am i speaking", "who is this", "are you a*", "are you human",
                "are you real", "is this a bot", "am i talking to a*", "am i chatting with",
                "am i speaking to a*", "am i chatting to a*", "is this a real person", "is this a person",
                "is this a human", "is this a real human",
            ])),
            (.capabilities, phrases([
                "what can you do", "how can you help", "what do you know", "what are you for", "can you help me",
            ])),
            (.privacy, phrases(["privacy", "data protection", "you store", "do you save", "do you keep", "store my"])),
            (.thanks, phrases([
                "thanks", "thank you", "thank*", "thx", "cheers", "much appreciated", "great", "perfect", "awesome",
                "thanks a lot", "thank you so much", "thanks so much", "many thanks", "thanks a million",
                "got it", "good to know", "understood", "helpful", "that helped", "this helped", "that helps",
                "this helps", "helped a lot",
            ])),
            (.goodbye, phrases([
                "bye", "goodbye", "good bye", "see you", "have a nice day", "have a good day", "take care",
                "kind regards", "best regards", "warm regards", "regards", "yours sincerely", "yours faithfully", "best wishes",
            ])),
            (.greeting, phrases([
                "hello", "hi", "hey", "good morning", "good afternoon", "good evening", "greetings", "hi there",
                "how are you", "how are you doing", "how is it going", "is anyone there", "is anybody there",
                "anyone there", "anybody there", "dear sir or madam", "dear sir", "dear madam", "dear sirs",
                "to whom it may concern", "dear team",
            ])),
        ],
        emergency: phrases([
            "emergency", "fire", "on fire", "burning", "heart attack", "stroke", "unconscious", "not breathing",
            "cant breathe", "can't breathe", "bleeding", "badly hurt", "injured", "accident", "drowning", "suicide",
            "kill myself", "overdose", "smell gas", "gas leak", "ambulance", "being attacked", "life threatening",
            "poisoned", "poisoning",
        ]),
        humanRequest: phrases([
            "talk to a human", "speak to a human", "talk to a person", "speak to a person", "real person",
            "real human", "human agent", "talk to someone", "speak to someone", "talk to staff", "speak to staff",
            "member of staff", "not a bot", "talk to an agent",
            "call me back", "call back", "called back", "callback", "call me", "phone me", "ring me",
        ]),
        dataRequest: phrases([
            "delete my data", "erase my data", "remove my data", "delete all my data", "delete my messages",
            "delete my chat", "delete this chat", "copy of my data", "access to my data", "my personal data",
            "under gdpr", "under the gdpr", "gdpr request", "right to erasure", "right to be forgotten",
            "right of access", "data deletion", "subject access request",
        ]),
        frustration: phrases([
            "did not help", "didn't help", "does not help", "doesn't help", "not helpful", "useless",
            "not very helpful",
            "don't understand", "do not understand",
        ]),
        followUp: ["and", "it", "that", "this", "there", "them", "those", "the"],
        aspects: Set("""
            cost costs fee fees price expensive cheap pay card cash long take takes quick quickly fast express \
            documents document papers proof bring need appointment appointments online internet form application \
            deadline when open opening hours responsible address phone contact person authorisation authorization \
            monday tuesday wednesday thursday friday saturday sunday mondays saturdays sundays weekend weekends \
            holiday holidays today tomorrow morning evening english language translation translated \
            version email e-mail mail post letter
            """.split(whereSeparator: \.isWhitespace).map(String.init)),
        languageRequest: phrases([
            "do you speak english", "can you speak english", "speak english", "english please",
            "can we talk in english", "can i write in english",
            // Asked in German for English (a visitor who knows a little German).
            "sprechen sie englisch", "sprichst du englisch", "englisch bitte", "bitte englisch",
            "auf englisch bitte", "bitte auf englisch",
        ]),
        gratitudeLinks: ["for"],
        questionWords: [
            "how", "when", "where", "what", "which", "who", "why", "can", "could", "do", "does", "is", "are", "must",
            "and", "but",
        ],
        helpWords: ["help"],
        clauseJoiners: ["and", "also"],
        probes: phrases(["test", "testing", "test message", "just testing", "just a test", "this is a test"]),
        people: Set("""
            wife husband partner spouse mother father mum mom mam dad mommy daddy parents grandmother grandfather \
            grandma grandpa granny grandparents son daughter brother sister aunt uncle nephew niece cousin \
            grandson granddaughter grandchild friend boyfriend girlfriend fiance fiancee fiancé fiancée \
            mother-in-law father-in-law wives husbands mothers fathers sons daughters brothers sisters aunts \
            uncles nephews nieces cousins grandchildren grandsons granddaughters friends
            """.split(whereSeparator: \.isWhitespace).map(String.init)),
        places: Set("""
            spain italy france poland turkey greece portugal austria switzerland netherlands holland belgium \
            luxembourg denmark sweden norway finland ireland england scotland wales britain uk usa america \
            canada mexico brazil argentina colombia chile peru venezuela india pakistan bangladesh china japan \
            korea vietnam thailand philippines indonesia australia zealand russia ukraine belarus moldova \
            romania bulgaria hungary czechia slovakia croatia serbia bosnia kosovo albania macedonia slovenia \
            montenegro lithuania latvia estonia syria iraq iran afghanistan lebanon israel jordan egypt morocco \
            tunisia algeria libya nigeria ghana kenya ethiopia eritrea somalia cameroon africa asia \
            spanish italian french polish turkish greek portuguese austrian swiss dutch belgian danish swedish \
            norwegian finnish irish scottish welsh british american canadian mexican brazilian argentinian \
            colombian indian pakistani chinese japanese korean vietnamese thai filipino australian russian \
            ukrainian romanian bulgarian hungarian czech croatian serbian bosnian albanian syrian iraqi iranian \
            afghan lebanese egyptian moroccan nigerian ghanaian kenyan ethiopian eritrean somali
            """.split(whereSeparator: \.isWhitespace).map(String.init))
    )
}
