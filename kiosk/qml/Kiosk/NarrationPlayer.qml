import QtQuick
import QtMultimedia
import Kiosk

// The screen shown, read aloud in the visitor's language (the pack's `narration:`): played when
// the visitor taps "listen" in the dock, stopped when they tap it again, leave the screen or
// change language, and when the kiosk goes to its attract loop. While it plays the kiosk does
// not go idle. A file of its own, loaded only for packs with narration: Qt Multimedia costs the
// start of a show 15 ms.
Item {
    id: narration
    objectName: "narration"
    property string file: ""  // the recording for this screen and language; "" if it has none
    readonly property bool playing: player.playbackState === MediaPlayer.PlayingState
    readonly property string screenId: Ui.nav.screenId
    readonly property bool away: Ui.idle !== null && Ui.idle.attract
    readonly property bool heard: Ui.nav.sound === "narration"  // one sound at a time

    function toggle() {
        if (playing) {
            stop()
        } else if (file !== "") {
            player.source = file
            player.play()
            Ui.nav.takeSound("narration")
        }
    }
    function stop() {  // and rewind: a tap on "listen" starts from the beginning
        if (player.source.toString() !== "" && player.error === MediaPlayer.NoError)  // for the visitor analytics
            Ui.nav.noteNarration(player.source, player.position, player.duration)
        player.stop()
        player.source = ""
    }
    onFileChanged: stop()
    onScreenIdChanged: stop()
    onAwayChanged: if (away) stop()
    onHeardChanged: if (!heard && playing) stop()

    PlayingHold { player: player }
    MediaPlayer {
        id: player
        // Without a sound device (a booth PC with its speakers unplugged) it plays silently.
        audioOutput: AudioOutput {}
        onMediaStatusChanged: if (mediaStatus === MediaPlayer.EndOfMedia) narration.stop()
        onErrorOccurred: (error, message) => {
            Ui.nav.narrationFailed(narration.file, message)
            narration.stop()
        }
    }
}
