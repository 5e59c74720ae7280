import QtQuick
import Kiosk

// Always on screen: Back and Home on the left, the pack's name in the middle; on the right, the
// visitor's own choices: listen (where the screen is read aloud), larger text, high contrast,
// language.
Rectangle {
    id: dock
    implicitHeight: Ui.px(112)
    color: Ui.alpha(Ui.theme.surface, 0.96)

    Rectangle {  // a thin accent line separating the dock from the screen
        anchors { left: parent.left; right: parent.right; top: parent.top }
        height: Ui.outline
        color: Ui.alpha(Ui.theme.accent, 0.5)
    }

    Row {
        id: left
        anchors { left: parent.left; leftMargin: Ui.px(32); verticalCenter: parent.verticalCenter }
        spacing: Ui.px(20)
        TouchButton {
            objectName: "backButton"
            icon: Qt.resolvedUrl("icons/back.svg")
            text: Ui.portrait ? "" : Ui.t(Ui.nav.pack.strings.back)
            accessibleName: Ui.t(Ui.nav.pack.strings.back)
            enabled: Ui.nav.canGoBack
            onTapped: Ui.nav.back()
        }
        TouchButton {
            objectName: "homeButton"
            icon: Qt.resolvedUrl("icons/home.svg")
            text: Ui.portrait ? "" : Ui.t(Ui.nav.pack.strings.home)
            accessibleName: Ui.t(Ui.nav.pack.strings.home)
            enabled: Ui.nav.canGoHome
            onTapped: Ui.nav.home()
        }
    }

    Row {
        anchors { left: left.right; right: listen.visible ? listen.left : larger.left; margins: Ui.px(24)
                  verticalCenter: parent.verticalCenter }
        spacing: Ui.px(Ui.space.items)
        layoutDirection: Qt.RightToLeft
        Text {
            width: Math.min(implicitWidth, parent.width - logo.width - parent.spacing)
            text: Ui.t(Ui.nav.pack.title)
            color: Ui.theme.muted
            font.pixelSize: Ui.fontPx(Ui.type.label)
            elide: Text.ElideRight
            font.features: Ui.fontFeatures
            anchors.verticalCenter: parent.verticalCenter
            visible: !Ui.portrait
        }
        Picture {
            id: logo
            source: Ui.theme.logo ?? ""
            visible: (Ui.theme.logo ?? "") !== ""
            width: Ui.px(64); height: width
            anchors.verticalCenter: parent.verticalCenter
        }
    }

    // The screen read aloud in the visitor's language, where the pack has a recording of it.
    TouchButton {
        id: listen
        objectName: "listenButton"
        readonly property bool playing: narration.item !== null && narration.item.playing  // qmllint disable missing-property
        visible: narration.file !== ""
        anchors { right: larger.left; rightMargin: Ui.px(20); verticalCenter: parent.verticalCenter }
        icon: Qt.resolvedUrl(playing ? "icons/pause.svg" : "icons/listen.svg")
        text: Ui.portrait ? "" : Ui.t(Ui.nav.pack.strings[playing ? "stop_listening" : "listen"])
        accessibleName: Ui.t(Ui.nav.pack.strings[playing ? "stop_listening" : "listen"])
        primary: playing
        onTapped: narration.item.toggle()  // qmllint disable missing-property
    }
    Loader {
        id: narration
        readonly property string file: Ui.t(Ui.nav.screen.narration)  // "" when the screen has none
        active: Ui.nav.pack.narrated
        source: "NarrationPlayer.qml"  // by name: Qt Multimedia is loaded for packs with narration only
    }
    Binding {
        target: narration.item
        property: "file"
        value: narration.file
        when: narration.item !== null
    }

    TouchButton {
        id: larger
        objectName: "largerTextButton"
        anchors { right: contrast.left; rightMargin: Ui.px(20); verticalCenter: parent.verticalCenter }
        text: "A+"
        fontSize: Ui.px(Ui.type.emphasis)  // the same size with A+ on or off: it marks the button, it is not read
        accessibleName: Ui.t(Ui.nav.pack.strings.larger_text)
        primary: Ui.nav.largeText  // lit while it is on
        onTapped: Ui.nav.toggleLargeText()
    }

    TouchButton {
        id: contrast
        objectName: "contrastButton"
        anchors { right: lang.left; rightMargin: Ui.px(20); verticalCenter: parent.verticalCenter }
        icon: Qt.resolvedUrl("icons/contrast.svg")
        accessibleName: Ui.t(Ui.nav.pack.strings.contrast)
        primary: Ui.nav.highContrast  // lit while it is on
        onTapped: Ui.nav.toggleContrast()
    }

    TouchButton {
        id: lang
        objectName: "languageButton"
        anchors { right: parent.right; rightMargin: Ui.px(32); verticalCenter: parent.verticalCenter }
        icon: Qt.resolvedUrl("icons/language.svg")
        // Named in the language it switches to, so a visitor who cannot read the current one finds it.
        text: Ui.nav.nextLanguageName
        visible: Ui.nav.pack.languages.length > 1
        onTapped: Ui.nav.toggleLanguage()
    }
}
