"""Open a film or a recording with Qt Multimedia, the player the show uses, and say what it found:
the facts that kiosk.content.video judges. Runs inside the image worker (kiosk/ui/imageworker.py), whose
QGuiApplication it uses, so a decoder that crashes or hangs on a file costs that file only.

A film "opens" when its container and streams are read; that is not enough (an AV1 film opens
and then never shows a picture where the graphics hardware cannot decode it), so a picture is
decoded from its start and one from near its end (a file cut short opens, then stops)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEventLoop, QTimer, QUrl
from PySide6.QtGui import QImage
from PySide6.QtMultimedia import (
    QAudioBufferOutput,
    QMediaMetaData,
    QMediaPlayer,
    QVideoFrame,
    QVideoFrameFormat,
    QVideoSink,
)

OPEN_WITHIN = 10.0  # seconds for the container to be read
FRAME_WITHIN = 5.0  # seconds for a picture to be decoded, once playing
_DEEP = {QVideoFrameFormat.PixelFormat.Format_P010, QVideoFrameFormat.PixelFormat.Format_P016,
         QVideoFrameFormat.PixelFormat.Format_Y16, QVideoFrameFormat.PixelFormat.Format_YUV420P10}


def probe_video(path: Path) -> dict[str, object]:
    """The fields of kiosk.content.video.VideoFacts, for the file at `path`."""
    player, sink = QMediaPlayer(), QVideoSink()
    player.setVideoSink(sink)  # no audio output: it plays silently, with or without a sound card
    try:
        return _probe(player, sink, path)
    finally:
        player.stop()
        player.setSource(QUrl())
        player.deleteLater()
        sink.deleteLater()


def _probe(player: QMediaPlayer, sink: QVideoSink, path: Path) -> dict[str, object]:
    status = QMediaPlayer.MediaStatus
    player.setSource(QUrl.fromLocalFile(str(path)))
    if not _wait(lambda: player.mediaStatus() not in (status.NoMedia, status.LoadingMedia), OPEN_WITHIN,
                 player.mediaStatusChanged) or player.mediaStatus() == status.InvalidMedia:
        return {"opened": False, "why_not": player.errorString() or "it could not be opened"}
    facts: dict[str, object] = {"opened": True, "has_video": player.hasVideo(), "has_audio": player.hasAudio(),
                                "duration_ms": player.duration()}
    if not player.hasVideo():
        return facts | (_sound(player) if player.hasAudio() else {})
    meta = player.videoTracks()[0] if player.videoTracks() else player.metaData()
    resolution = meta.value(QMediaMetaData.Key.Resolution)
    facts |= {"codec": meta.stringValue(QMediaMetaData.Key.VideoCodec),  # its enum has no Python converter
              "width": resolution.width() if resolution is not None else 0,
              "height": resolution.height() if resolution is not None else 0,
              "fps": float(meta.value(QMediaMetaData.Key.VideoFrameRate) or 0),
              "bit_rate": int(player.metaData().value(QMediaMetaData.Key.VideoBitRate) or 0)}
    frames: list[QVideoFrame] = []
    sink.videoFrameChanged.connect(lambda frame: frames.append(frame) if frame.isValid() else None)
    player.play()
    if not _wait(lambda: bool(frames), FRAME_WITHIN, sink.videoFrameChanged):
        return facts
    deep = frames[0].pixelFormat() in _DEEP
    facts |= {"first_frame": True, "bit_depth": 10 if deep else 8}
    # Near the end: a film cut short has its length in its header, but not the pictures.
    end = max(0, player.duration() - 500)
    frames.clear()
    player.setPosition(end)
    facts["last_frame"] = _wait(lambda: any(f.startTime() >= (end - 1000) * 1000 for f in frames), FRAME_WITHIN,
                                sink.videoFrameChanged) and player.error() == QMediaPlayer.Error.NoError
    return facts


def _sound(player: QMediaPlayer) -> dict[str, object]:
    """A recording (a narration): sound decoded from its start and from near its end, taken as
    it is decoded rather than played, so that a machine without a sound card probes it too."""
    buffers = QAudioBufferOutput(player)
    player.setAudioBufferOutput(buffers)
    starts: list[int] = []  # µs
    buffers.audioBufferReceived.connect(lambda buffer: starts.append(buffer.startTime()) if buffer.isValid() else None)
    player.play()
    if not _wait(lambda: bool(starts), FRAME_WITHIN, buffers.audioBufferReceived):
        return {"first_sound": False}
    end = max(0, player.duration() - 500)
    starts.clear()
    player.setPosition(end)
    last = _wait(lambda: any(t >= (end - 1000) * 1000 for t in starts), FRAME_WITHIN,
                 buffers.audioBufferReceived) and player.error() == QMediaPlayer.Error.NoError
    return {"first_sound": True, "last_sound": last}


def film_frames(path: Path, count: int) -> tuple[int, list[tuple[int, QImage]]]:
    """The film's length (ms) and `count` pictures from it, evenly spread from its start to near
    its end, each with its time (ms); for `kiosk proof`, on films that validated (probed in the
    image worker first: a file that crashes a decoder never gets here)."""
    player, sink = QMediaPlayer(), QVideoSink()
    player.setVideoSink(sink)
    frames: list[QVideoFrame] = []
    sink.videoFrameChanged.connect(lambda frame: frames.append(frame) if frame.isValid() else None)
    status = QMediaPlayer.MediaStatus
    try:
        player.setSource(QUrl.fromLocalFile(str(path)))
        if not _wait(lambda: player.mediaStatus() not in (status.NoMedia, status.LoadingMedia), OPEN_WITHIN,
                     player.mediaStatusChanged) or not player.hasVideo():
            return 0, []
        duration = player.duration()
        player.play()
        pictures = []
        for i in range(count):
            at = round(max(0, duration - 300) * i / max(1, count - 1))
            frames.clear()
            player.setPosition(at)
            if _wait(lambda at=at: any(f.startTime() >= (at - 100) * 1000 for f in frames), FRAME_WITHIN,
                     sink.videoFrameChanged):
                frame = next(f for f in frames if f.startTime() >= (at - 100) * 1000)
                pictures.append((frame.startTime() // 1000, frame.toImage()))
        return duration, pictures
    finally:
        player.stop()
        player.setSource(QUrl())
        player.deleteLater()
        sink.deleteLater()


def _wait(done, seconds: float, signal) -> bool:
    """Run the event loop until `done()` (checked whenever `signal` fires), or `seconds` pass."""
    if done():
        return True
    loop = QEventLoop()
    timer = QTimer(singleShot=True, interval=int(seconds * 1000))
    timer.timeout.connect(loop.quit)
    signal.connect(lambda *_: loop.quit() if done() else None)
    timer.start()
    loop.exec()
    return done()
