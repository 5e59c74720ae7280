import QtQuick
import QtMultimedia
import Kiosk
import Kiosk.Media

// A film of the attract loop: muted, with its poster until its first frame is on screen and
// whenever it cannot play (a file deleted, cut short or replaced while it plays): never a black
// hole or a frozen frame. Loaded only for packs with films (Qt Multimedia costs the start of a
// show without them nothing).
Item {
    id: film
    objectName: "attractFilm"
    required property var film  // {file, poster, portrait, portrait_poster}: kiosk.content.Film, presented
    // The version made for the screen's shape, where the pack has one, and its poster.
    readonly property bool tall: Ui.portrait && (film.film.portrait ?? "") !== ""
    readonly property url file: tall ? film.film.portrait : film.film.file
    readonly property url poster: tall && film.film.portrait_poster ? film.film.portrait_poster : film.film.poster
    property bool playing: false  // on screen now
    property bool loop: false  // the loop's only slide: round and round, with no gap
    property bool made: false  // the countdown or the loop is up: its poster is wanted
    signal ended()  // played to its end, or gave up: time for the next slide

    Picture {
        objectName: "poster"
        anchors.fill: parent
        source: film.made ? film.poster : ""
        fillMode: Image.PreserveAspectCrop
        visible: !frame.shown
    }
    FilmFrame {
        id: frame
        objectName: "filmFrame"
        // Sized only while it has a frame: Qt paints an item with contents even where it is not
        // visible, into a buffer of its size (twice 8 MB at 1080p, held all day).
        width: shown ? parent.width : 0
        height: shown ? parent.height : 0
        visible: shown
    }
    MediaPlayer {
        id: player
        // Open only while on screen: a film waiting for its turn holds no decoder.
        source: film.playing ? film.file : ""
        onSourceChanged: if (source.toString() !== "") play()
        videoOutput: frame.videoSink  // no audioOutput: it plays silently, with or without a sound card
        loops: film.loop ? MediaPlayer.Infinite : 1
        onMediaStatusChanged: {
            if (mediaStatus === MediaPlayer.EndOfMedia)
                film.ended()
        }
        onErrorOccurred: (error, message) => {
            Ui.nav.filmFailed(film.file, message)
            giveUp.start()  // the poster, for as long as a picture would stay
        }
    }
    Timer {
        id: giveUp
        interval: Ui.nav.pack.idle.attract_interval * 1000
        onTriggered: film.ended()
    }
    onPlayingChanged: giveUp.stop()
}
