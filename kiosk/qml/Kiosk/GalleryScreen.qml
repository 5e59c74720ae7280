import QtQuick
import Kiosk

// Pictures to swipe through; pinch (or the mouse wheel) zooms, a drag pans a zoomed picture.
ScreenPage {
    id: page
    readonly property var images: screen.images

    Pager {
        id: pager
        screenId: page.screen.id
        anchors { left: parent.left; right: parent.right; top: parent.top; bottom: dots.top; bottomMargin: Ui.px(16) }
        // While a picture is zoomed, a drag pans it instead of turning the page.
        interactive: !(currentItem && currentItem.zoomed)  // qmllint disable missing-property
        model: page.images
        delegate: Item {
            id: slide
            required property var modelData
            required property int index
            readonly property bool zoomed: zoom.contentWidth > zoom.width + 1
            // A visitor's zoom, for the visitor analytics (not the size settling as a page is built).
            function noteZoom() { if (slide.zoomed) Ui.nav.noteZoom(page.screen.id, slide.index) }
            width: pager.width
            height: pager.height

            readonly property bool isClip: (modelData.video ?? null) !== null
            // What a picture is fitted into, or a clip centred in.
            readonly property real shownHeight: isClip ? clip.height : photo.paintedHeight

            Flickable {
                id: zoom
                objectName: "zoom"
                visible: !slide.isClip
                anchors { fill: parent; leftMargin: page.margin; rightMargin: page.margin; bottomMargin: caption.height + Ui.px(16) }
                contentWidth: width
                contentHeight: height
                interactive: slide.zoomed
                boundsBehavior: Flickable.StopAtBounds
                clip: true

                // Between fit (1x) and 4x, keeping the point under the fingers in place.
                function zoomTo(w, center) {
                    w = Math.max(width, Math.min(width * 4, w))
                    resizeContent(w, w * height / width, center)
                }
                // Back to fit when the visitor leaves this picture.
                Connections {
                    target: pager
                    function onCurrentIndexChanged() { zoom.resizeContent(zoom.width, zoom.height, Qt.point(0, 0)) }
                }

                Item {
                    width: Math.max(zoom.contentWidth, zoom.width)
                    height: Math.max(zoom.contentHeight, zoom.height)
                    Picture {
                        id: photo
                        // Decoded at the fitted size, and again at twice that while zoomed, then
                        // only scaled: resizing it while pinching would decode it again and again.
                        width: zoom.width
                        height: zoom.height
                        detail: 2
                        zoomed: slide.zoomed
                        scale: zoom.contentWidth / zoom.width
                        transformOrigin: Item.TopLeft
                        source: slide.modelData.image ?? ""
                        fillMode: Image.PreserveAspectFit
                    }
                    PinchHandler {
                        target: null
                        // Two fingers win over the Flickable, which would otherwise pan a zoomed picture.
                        grabPermissions: PointerHandler.CanTakeOverFromAnything
                        property real startWidth
                        onActiveChanged: {
                            if (active) {
                                startWidth = zoom.contentWidth
                            } else {
                                zoom.returnToBounds()
                                slide.noteZoom()
                            }
                        }
                        onActiveScaleChanged: zoom.zoomTo(startWidth * activeScale, centroid.position)
                    }
                    WheelHandler {
                        onWheel: (event) => {
                            const wasZoomed = slide.zoomed
                            zoom.zoomTo(zoom.contentWidth * (event.angleDelta.y > 0 ? 1.25 : 0.8), Qt.point(event.x, event.y))
                            if (!wasZoomed)
                                slide.noteZoom()
                        }
                    }
                }
            }
            Loader {
                id: clip
                objectName: "clip"
                active: slide.isClip
                // Centred where a picture would be fitted.
                x: zoom.x
                width: zoom.width
                height: Math.min(zoom.height, implicitHeight)
                y: zoom.y + (zoom.height - height) / 2
                // Only the clip in view plays: it stops as the visitor turns the page.
                enabled: pager.currentIndex === slide.index
                // A file of its own: Qt Multimedia is loaded only for packs with films.
                Component.onCompleted: if (slide.isClip) setSource("ClipPlayer.qml", { media: slide.modelData.video })
            }
            Label {
                id: caption
                // Right under the picture as it is fitted, or the clip (not at the foot of a tall screen).
                x: page.margin
                width: parent.width - 2 * page.margin
                y: Math.min(parent.height - height, zoom.y + (zoom.height + slide.shownHeight) / 2 + Ui.px(16))
                text: Ui.t(slide.modelData.caption)
                horizontalAlignment: Text.AlignHCenter
                font.pixelSize: Ui.fontPx(Ui.type.lead)
                maximumLineCount: 2
                elide: Text.ElideRight
            }
        }
    }

    Row {
        id: dots
        anchors { horizontalCenter: parent.horizontalCenter; bottom: parent.bottom }
        spacing: 0
        Repeater {
            model: page.images.length
            Item {
                required property int index
                width: Ui.minTouch; height: Ui.minTouch
                Rectangle {
                    anchors.centerIn: parent
                    width: Ui.px(14); height: width; radius: width / 2
                    color: pager.currentIndex === parent.index ? Ui.theme.accent : Ui.alpha(Ui.theme.text, 0.3)
                }
                TapTarget {
                    name: Ui.t(Ui.nav.pack.strings.picture_n).arg(parent.index + 1)
                    gesturePolicy: TapHandler.DragThreshold
                    onActivated: pager.currentIndex = parent.index
                }
            }
        }
    }

    TouchButton {
        objectName: "previous"
        visible: pager.currentIndex > 0
        icon: Qt.resolvedUrl("icons/back.svg")
        accessibleName: Ui.t(Ui.nav.pack.strings.previous)
        anchors { left: parent.left; leftMargin: Ui.px(12); verticalCenter: pager.verticalCenter }
        onTapped: pager.decrementCurrentIndex()
    }
    TouchButton {
        objectName: "next"
        visible: pager.currentIndex < pager.count - 1
        icon: Qt.resolvedUrl("icons/forward.svg")
        accessibleName: Ui.t(Ui.nav.pack.strings.next)
        anchors { right: parent.right; rightMargin: Ui.px(12); verticalCenter: pager.verticalCenter }
        onTapped: pager.incrementCurrentIndex()
    }
}
