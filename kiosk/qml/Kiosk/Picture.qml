import QtQuick
import Kiosk

// An image decoded off the UI thread, at the size it is shown (an 8K photo never blocks a tap and
// never fills memory), upright by its EXIF orientation; a neutral placeholder if it cannot be shown.
Item {
    id: picture
    property url source
    property int fillMode: Image.PreserveAspectFit
    readonly property bool cropped: fillMode === Image.PreserveAspectCrop  // covers its box (read by the lint)
    property alias verticalAlignment: image.verticalAlignment
    // Where it can be zoomed: while `zoomed`, a second decoding at `detail` times the shown size
    // is laid over the first once it is there, and given back when the zoom ends. Decoded at that
    // size from the start, a gallery page built ahead would hold four times the memory (this
    // pack's gallery: 11 MB instead of 2.8) for a zoom few visitors try.
    property real detail: 1
    property bool zoomed: false
    readonly property bool isPicture: true  // how Python tells a Picture from other items
    // On a page set aside (ScreenPage.aside), found up the parents; a binding follows both.
    readonly property bool aside: {
        for (let item = picture.parent; item; item = item.parent) {
            if (item.aside !== undefined)  // qmllint disable missing-property
                return item.aside  // qmllint disable missing-property
        }
        return false
    }
    readonly property alias status: image.status
    // Read by the renderer (Python cannot read Image.status): wait until this is false.
    readonly property bool loading: image.status === Image.Loading
    readonly property bool failed: image.status === Image.Error
    // The size it is painted at, fitted in its box (cropped: covering it), known from the size
    // it is decoded at (from the file's header) before it is decoded: what is placed by it (a
    // caption) is in place at once rather than moving when it arrives, and the layout lint
    // need not wait for every picture.
    readonly property real paintedWidth: image.sourceSize.width * fitScale
    readonly property real paintedHeight: image.sourceSize.height * fitScale
    readonly property real fitScale: image.sourceSize.width <= 0 || image.sourceSize.height <= 0 ? 0
        : (cropped ? Math.max : Math.min)(width / image.sourceSize.width, height / image.sourceSize.height)

    Image {
        id: image
        objectName: "image"
        anchors.fill: parent
        // Loaded only once laid out, so it is decoded once, at its final size.
        source: picture.width > 0 && picture.height > 0 ? picture.source : ""
        asynchronous: true
        autoTransform: true
        fillMode: picture.fillMode
        smooth: true
        sourceSize: Ui.nav.decodeSize(picture.source, picture.width, picture.height, picture.cropped)
        opacity: status === Image.Ready ? 1 : 0
        visible: fine.status !== Image.Ready  // under the sharper copy it would be drawn for nothing
        // A picture that arrives while the visitor looks fades in. None on a page set aside
        // (it would redraw the screen for nothing), nor with the first screen, nor under the
        // start picture (Main.qml), which is lifted as soon as it is there.
        Behavior on opacity {
            enabled: Ui.animate && Ui.started && picture.visible && !picture.aside && !(Ui.cover !== null && Ui.cover.shown)
            NumberAnimation { duration: 180 }
        }
        onStatusChanged: if (status === Image.Error) Ui.nav.imageFailed(source.toString())
    }
    Image {
        id: fine
        objectName: "fine"
        anchors.fill: parent
        readonly property size wanted: picture.detail > 1
            ? Ui.nav.decodeSize(picture.source, picture.width * picture.detail, picture.height * picture.detail,
                                picture.cropped)
            : Qt.size(0, 0)
        // Not for a photo already decoded at its own size: there is no more detail in it.
        source: picture.zoomed && image.status === Image.Ready && wanted.width > image.sourceSize.width
            ? image.source : ""
        cache: false  // given back the moment the zoom ends, not kept among Qt's recent pictures
        asynchronous: true
        autoTransform: true
        fillMode: picture.fillMode
        verticalAlignment: image.verticalAlignment
        smooth: true
        sourceSize: wanted
        visible: status === Image.Ready
    }
    Rectangle {
        anchors.fill: parent
        visible: picture.failed
        color: Ui.alpha(Ui.theme.surface, 0.8)
        radius: Ui.px(Ui.corner.small)
        Image {
            anchors.centerIn: parent
            width: Math.min(parent.width, parent.height) * 0.3; height: width
            sourceSize.width: width; sourceSize.height: height
            // Only once it is needed: every Picture's hidden placeholder decoded too held 0.6 MB.
            source: picture.failed ? Qt.resolvedUrl("icons/placeholder.svg") : ""
            opacity: 0.35
        }
    }
}
