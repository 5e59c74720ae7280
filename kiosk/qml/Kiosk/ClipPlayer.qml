import QtQuick
import QtMultimedia
import Kiosk
import Kiosk.Media

// A clip in a screen: its poster and a play button until the visitor taps; then the film, muted
// until they ask for sound, with captions in their language, a progress bar and pause. It stops
// and rewinds when the visitor leaves the screen (the page is disabled as it slides out or is set
// aside) or the kiosk goes to its attract loop; while it plays the kiosk does not go idle. Its
// decoder is opened only while it plays. Loaded only for packs with films.
Item {
    id: clipItem
    objectName: "clipPlayer"
    required property var media  // {file, poster, captions}: kiosk.content.Clip, presented
    readonly property bool playing: player.playbackState === MediaPlayer.PlayingState
    readonly property bool started: player.source.toString() !== ""
    property bool sound: false
    property bool failed: false
    readonly property bool away: !enabled || (Ui.idle !== null && Ui.idle.attract)
    readonly property bool heard: Ui.nav.sound === clipItem.media.file  // one sound at a time
    readonly property real controlsHeight: Ui.px(96)
    readonly property FilmFrame frame: frameLoader.item as FilmFrame
    // The film's box: 16:9 at the top, as large as the clip allows above its controls.
    readonly property real filmHeight: Math.min(width * 9 / 16, height - controlsHeight - Ui.px(12))
    implicitHeight: width * 9 / 16 + controlsHeight + Ui.px(12)

    function start() {
        failed = false
        frameLoader.active = true
        player.source = clipItem.media.file
        player.play()
    }
    function stop() {  // and rewind: the next visitor starts from the beginning, muted
        if (started && !failed)  // how far the visitor watched, for the visitor analytics
            Ui.nav.noteClip(clipItem.media.file, player.position, player.duration)
        player.stop()
        player.source = ""
        setSound(false)
    }
    function setSound(on) {
        // The sound device is opened when a visitor first asks for sound, not before: a booth PC
        // without one plays all the same, silently, and a muted clip never touches it.
        if (on && player.audioOutput === null)
            player.audioOutput = speaker.createObject(clipItem)
        if (player.audioOutput !== null)
            player.audioOutput.muted = !on
        sound = on
        if (on)
            Ui.nav.takeSound(clipItem.media.file)
    }
    function toggle() {
        if (!started || failed)
            start()
        else if (playing)
            player.pause()
        else
            player.play()
    }
    onAwayChanged: if (away) stop()
    onHeardChanged: if (!heard && sound) setSound(false)

    Rectangle {
        id: box
        objectName: "filmBox"
        // 16:9, as wide as the clip where its height allows, else centred (a clip in a gallery).
        width: Math.min(parent.width, clipItem.filmHeight * 16 / 9)
        height: clipItem.filmHeight
        anchors.horizontalCenter: parent.horizontalCenter
        color: "black"
        radius: Ui.px(Ui.corner.control)
        clip: true

        Picture {
            objectName: "poster"
            anchors.fill: parent
            source: clipItem.media.poster
            fillMode: Image.PreserveAspectCrop  // a still of the film, filling its box as the film does
            visible: !(clipItem.frame?.shown ?? false)
        }
        // Made when the visitor first plays the clip, not with every page that has one: PySide
        // keeps what QML made of a Python item after it is destroyed (kiosk/ui/film.py).
        Loader {
            id: frameLoader
            anchors.fill: parent
            active: false  // start()
            sourceComponent: FilmFrame {
                objectName: "filmFrame"
                cover: false
                visible: shown
            }
        }
        TapTarget {
            name: Ui.t(Ui.nav.pack.strings[clipItem.playing ? "pause" : "play"])
            onActivated: clipItem.toggle()
        }
        // The invitation to play: large, in the middle, until the film runs.
        Rectangle {
            objectName: "bigPlay"
            visible: !clipItem.playing
            anchors.centerIn: parent
            width: Ui.px(128); height: width; radius: width / 2
            color: Ui.alpha(Ui.theme.primary, 0.9)
            border.color: Ui.theme.text
            border.width: Ui.px(3)
            Image {
                anchors.centerIn: parent
                anchors.horizontalCenterOffset: Ui.px(6)  // a triangle looks centred a little right
                source: Qt.resolvedUrl("icons/play.svg")
                width: Ui.px(64); height: width
                sourceSize.width: width; sourceSize.height: height
            }
        }
        // Captions over the foot of the film, in the visitor's language.
        Rectangle {
            objectName: "captionBox"
            visible: captionText.text !== ""
            anchors { horizontalCenter: parent.horizontalCenter; bottom: parent.bottom; bottomMargin: Ui.px(16) }
            width: Math.min(parent.width - Ui.px(32), captionText.implicitWidth + Ui.px(32))
            height: captionText.height + Ui.px(12)
            radius: Ui.px(Ui.corner.small)
            color: Ui.alpha("black", 0.72)
            Label {
                id: captionText
                objectName: "caption"
                anchors.centerIn: parent
                width: Math.min(implicitWidth, box.width - Ui.px(64))
                horizontalAlignment: Text.AlignHCenter
                color: "white"
                font.pixelSize: Ui.fontPx(Ui.type.lead)
                text: clipItem.started && clipItem.media.captions
                      ? Ui.nav.caption(clipItem.media.captions[Ui.language] ?? "", player.position) : ""
            }
        }
    }

    Row {
        id: controls
        anchors { top: box.bottom; topMargin: Ui.px(12); left: box.left; right: box.right }
        height: clipItem.controlsHeight
        spacing: Ui.px(Ui.space.items)
        TouchButton {
            objectName: "playPause"
            anchors.verticalCenter: parent.verticalCenter
            icon: Qt.resolvedUrl(clipItem.playing ? "icons/pause.svg" : "icons/play.svg")
            accessibleName: Ui.t(Ui.nav.pack.strings[clipItem.playing ? "pause" : "play"])
            onTapped: clipItem.toggle()
        }
        // Progress: how far the film is, and its length; tap to jump.
        Item {
            id: progress
            objectName: "progress"
            anchors.verticalCenter: parent.verticalCenter
            width: controls.width - x - (soundButton.visible ? soundButton.width + controls.spacing : 0)
            height: Ui.minTouch
            readonly property real done: player.duration > 0 ? player.position / player.duration : 0
            Rectangle {
                id: track
                anchors { left: parent.left; right: parent.right; verticalCenter: parent.verticalCenter
                          verticalCenterOffset: -Ui.px(10) }
                height: Ui.px(8); radius: height / 2
                color: Ui.alpha(Ui.theme.text, 0.25)
                Rectangle {
                    width: parent.width * progress.done
                    height: parent.height; radius: parent.radius
                    color: Ui.theme.accent
                }
            }
            Label {
                anchors { left: parent.left; top: track.bottom; topMargin: Ui.px(6) }
                text: clipItem.started ? clipItem.clock(player.position) + " / " + clipItem.clock(player.duration) : ""
                color: Ui.theme.muted
                font.pixelSize: Ui.fontPx(Ui.type.caption)
            }
            Accessible.role: Accessible.ProgressBar
            Accessible.name: Ui.t(Ui.nav.pack.strings.film_position)
            TapHandler {  // a tap along the bar goes there
                enabled: player.seekable
                onTapped: (point) => player.position = player.duration * point.position.x / progress.width
            }
        }
        TouchButton {
            id: soundButton
            objectName: "sound"
            visible: player.hasAudio
            anchors.verticalCenter: parent.verticalCenter
            icon: Qt.resolvedUrl(clipItem.sound ? "icons/sound-off.svg" : "icons/sound-on.svg")  // what a tap does
            text: Ui.t(Ui.nav.pack.strings[clipItem.sound ? "sound_off" : "sound_on"])
            onTapped: clipItem.setSound(!clipItem.sound)
        }
    }

    function clock(ms) {
        const s = Math.floor(ms / 1000)
        return Math.floor(s / 60) + ":" + String(s % 60).padStart(2, "0")
    }

    Component {
        id: speaker
        AudioOutput {}
    }
    PlayingHold { player: player }
    MediaPlayer {
        id: player
        videoOutput: clipItem.frame?.videoSink ?? null
        // No sound until the visitor asks (setSound): a booth is loud, and their neighbours did
        // not choose it.
        onMediaStatusChanged: if (mediaStatus === MediaPlayer.EndOfMedia) clipItem.stop()
        onErrorOccurred: (error, message) => {
            Ui.nav.filmFailed(clipItem.media.file, message)
            clipItem.failed = true
            clipItem.stop()
        }
    }
}
