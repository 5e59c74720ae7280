import QtQuick
import Kiosk

// What nobody-there looks like: first "Still there?" with a countdown over the screen, then the
// attract loop of the pack's hero images. It takes no touches: the touch that ends either is
// kept from the whole window (InputWatch), and one after it reaches the screen even while this
// fades out.
Item {
    id: overlay
    // Up the moment the phase changes, not one animation frame later.
    visible: !Ui.idle.active || opacity > 0
    opacity: Ui.idle.active ? 0 : 1
    Behavior on opacity { enabled: Ui.animate; NumberAnimation { duration: 300 } }

    // --- "Still there?" -------------------------------------------------------------------
    Rectangle {
        objectName: "countdown"
        anchors.fill: parent
        visible: Ui.idle.warning
        color: Ui.alpha(Ui.theme.background, 0.78)
        Rectangle {
            anchors.centerIn: parent
            width: Math.min(parent.width * 0.8, Ui.px(760))
            height: column.implicitHeight + Ui.px(96)
            radius: Ui.px(Ui.corner.panel)
            color: Ui.theme.surface
            border.color: Ui.ink(Ui.theme.accent, 0.6)
            border.width: Ui.outline
            Column {
                id: column
                anchors.centerIn: parent
                width: parent.width - Ui.px(96)
                spacing: Ui.px(Ui.space.items)
                Repeater {
                    model: Ui.allLanguages(Ui.nav.pack.strings.still_there)
                    Label {
                        required property string modelData
                        width: column.width
                        horizontalAlignment: Text.AlignHCenter
                        text: modelData
                        font.pixelSize: Ui.fontPx(Ui.type.display)
                        font.weight: Font.Bold
                    }
                }
                Label {
                    objectName: "secondsLeft"
                    width: column.width
                    horizontalAlignment: Text.AlignHCenter
                    text: Ui.idle.secondsLeft
                    color: Ui.theme.accent
                    font.pixelSize: Ui.fontPx(Ui.type.countdown)
                    font.weight: Font.Bold
                    lineHeight: 1.0
                }
                Repeater {
                    model: Ui.allLanguages(Ui.nav.pack.strings.touch_to_continue)
                    Label {
                        required property string modelData
                        width: column.width
                        horizontalAlignment: Text.AlignHCenter
                        text: modelData
                        color: Ui.theme.muted
                        font.pixelSize: Ui.fontPx(Ui.type.emphasis)
                    }
                }
            }
        }
    }

    // --- the attract loop -----------------------------------------------------------------
    Rectangle {
        id: attract
        objectName: "attract"
        anchors.fill: parent
        visible: Ui.idle.attract
        color: Ui.theme.background
        // The slides: the films, each played to its end, then the pictures, each for the interval.
        readonly property var films: Ui.nav.pack.idle.attract_films
        readonly property var images: Ui.nav.pack.idle.attract_images
        readonly property int count: films.length + images.length
        property int shown: 0
        function next() { shown = (shown + 1) % count }
        onVisibleChanged: if (!visible) shown = 0  // each attract loop starts from its beginning

        // The slides' pictures (a film's poster) are decoded with the countdown, so the loop
        // never fades in from nothing, and let go when a visitor is back: while visitors use the
        // show they would hold 8 MB each at 1080p. A film's player is made with the first
        // countdown (so Qt Multimedia is not loaded at start) and kept: PySide keeps what QML
        // made of its FilmFrame after it is destroyed (kiosk/ui/film.py).
        readonly property bool made: Ui.idle.warning || Ui.idle.attract
        property bool filmsMade: false
        onMadeChanged: if (made) filmsMade = true
        onFilmsChanged: filmsMade = made  // another pack's: made with its first countdown
        Repeater {
            model: attract.films
            Loader {
                id: slide
                required property var modelData
                required property int index
                anchors.fill: parent
                visible: index === attract.shown
                active: attract.filmsMade
                // By file name, so that Qt Multimedia is loaded for packs with films only.
                Component.onCompleted: setSource("AttractFilm.qml", { film: modelData })
                Binding {
                    target: slide.item; property: "playing"; when: slide.item !== null
                    value: attract.visible && slide.index === attract.shown
                }
                Binding { target: slide.item; property: "loop"; when: slide.item !== null; value: attract.count === 1 }
                Binding { target: slide.item; property: "made"; when: slide.item !== null; value: attract.made }
                Connections {
                    target: slide.item
                    function onEnded() { attract.next() }
                }
            }
        }
        Repeater {
            model: attract.made ? attract.images : []
            Picture {
                objectName: "attractPicture"
                required property string modelData
                required property int index
                anchors.fill: parent
                source: modelData
                fillMode: Image.PreserveAspectCrop
                opacity: attract.films.length + index === attract.shown ? 1 : 0
                // A slow crossfade; between fades nothing moves, so nothing repaints.
                Behavior on opacity { NumberAnimation { duration: 1200; easing.type: Easing.InOutQuad } }
            }
        }
        Timer {  // the pictures' turns; a film says when it has ended
            interval: Ui.nav.pack.idle.attract_interval * 1000
            running: attract.visible && attract.count > 1 && attract.shown >= attract.films.length
            repeat: true
            onTriggered: attract.next()
        }
        // The fade and the words are each drawn once into a layer, then copied at every frame
        // of a film beneath: redrawn, a gradient and the glyphs cost the software renderer
        // (no GPU) a sixth of a core at 30 frames a second.
        Rectangle {  // a dark fade behind the text
            anchors { left: parent.left; right: parent.right; bottom: parent.bottom }
            height: parent.height * 0.5
            layer.enabled: true
            gradient: Gradient {
                GradientStop { position: 0; color: "transparent" }
                GradientStop { position: 1; color: Ui.alpha(Ui.theme.background, 0.92) }
            }
        }
        Column {
            anchors { left: parent.left; right: parent.right; bottom: parent.bottom
                      margins: Ui.px(Ui.portrait ? 56 : 96) }
            spacing: Ui.px(18)
            layer.enabled: true
            Row {
                spacing: Ui.px(28)
                Picture {
                    visible: (Ui.theme.logo ?? "") !== ""
                    source: Ui.theme.logo ?? ""
                    width: Ui.px(112); height: width
                    anchors.verticalCenter: parent.verticalCenter
                }
                Label {
                    width: Math.min(implicitWidth, attract.width - Ui.px(Ui.portrait ? 112 : 192) - Ui.px(140))
                    text: Ui.t(Ui.nav.pack.title)
                    font.pixelSize: Ui.fontPx(Ui.portrait ? Ui.type.banner : Ui.type.poster)
                    font.weight: Font.Bold
                    anchors.verticalCenter: parent.verticalCenter
                }
            }
            Repeater {
                model: Ui.nav.pack.attractTexts
                Label {
                    required property string modelData
                    required property int index
                    text: modelData
                    color: index === 0 ? Ui.theme.accent : Ui.theme.text
                    font.pixelSize: Ui.fontPx(index === 0 ? Ui.type.display : Ui.type.title)
                    font.weight: Font.DemiBold
                }
            }
        }
    }
}
