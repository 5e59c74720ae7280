import QtQuick
import QtMultimedia
import Kiosk

// While its player plays, the kiosk does not go idle (kiosk.core.idle): it says so as the player
// starts and stops, and every few seconds that it moves on, so that one standing still is taken
// for stalled. Inside ClipPlayer and NarrationPlayer.
QtObject {
    id: hold
    required property MediaPlayer player
    readonly property bool playing: player !== null && player.playbackState === MediaPlayer.PlayingState
    readonly property string playerId: String(hold)  // its own: its type and address
    readonly property int beat: Ui.idle && player ? Math.floor(player.position / Ui.idle.playingBeatMs) : 0
    onPlayingChanged: if (Ui.idle) Ui.idle.watching(playerId, playing)
    onBeatChanged: if (playing && Ui.idle) Ui.idle.playingOn(playerId)
    Component.onDestruction: if (Ui.idle) Ui.idle.watching(playerId, false)  // a second stop counts once
}
