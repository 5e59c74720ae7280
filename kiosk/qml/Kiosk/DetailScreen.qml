import QtQuick
import Kiosk

// A page of text with an optional picture or clip: side by side in landscape, stacked in portrait.
ScreenPage {
    id: page
    introText: Ui.t(screen.subtitle)
    readonly property bool hasImage: (screen.image ?? "") !== ""
    readonly property bool hasVideo: (screen.video ?? null) !== null

    // The picture's place, or the clip's: the text takes the rest.
    Item {
        id: picture
        visible: page.hasImage || page.hasVideo
        x: page.margin
        width: !visible ? 0 : Ui.portrait ? parent.width - 2 * page.margin : parent.width * 0.42
        // In portrait a clip takes the height its whole 16:9 film needs, up to half the page.
        height: !visible ? 0 : !Ui.portrait ? parent.height
                : page.hasVideo ? Math.min(parent.height * 0.5, clip.implicitHeight)
                : parent.height * 0.34
        Picture {
            visible: page.hasImage
            anchors.fill: parent
            source: page.screen.image ?? ""
            verticalAlignment: Image.AlignTop  // level with the first line of text
        }
        Loader {
            id: clip
            objectName: "clip"
            active: page.hasVideo
            anchors.fill: parent
            // A file of its own: Qt Multimedia is loaded only for packs with films.
            Component.onCompleted: if (page.hasVideo) setSource("ClipPlayer.qml", { media: page.screen.video })
        }
    }
    ScrollText {
        screenId: page.screen.id
        x: Ui.portrait || !picture.visible ? page.margin : picture.x + picture.width + Ui.px(56)
        y: Ui.portrait && picture.visible ? picture.height + Ui.px(32) : 0
        width: parent.width - x - page.margin
        height: parent.height - y
        spacing: Ui.px(Ui.space.block)
        Paragraphs {
            width: parent.width
            visible: text !== ""
            text: Ui.t(page.screen.body)
        }
        Column {
            width: parent.width
            spacing: Ui.px(Ui.space.lines)
            visible: (page.screen.bullets ?? []).length > 0
            Repeater {
                model: page.screen.bullets ?? []
                Row {
                    required property var modelData
                    width: parent.width
                    spacing: Ui.px(18)
                    Rectangle {
                        width: Ui.px(14); height: width; radius: width / 2
                        color: Ui.theme.accent
                        y: Ui.px(12)
                    }
                    Label {
                        width: parent.width - Ui.px(32)
                        text: Ui.t(modelData)
                        font.pixelSize: Ui.fontPx(Ui.type.lead)
                    }
                }
            }
        }
        FigureRow {
            width: parent.width
            figures: page.screen.figures ?? []
        }
    }
}
