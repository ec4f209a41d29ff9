package org.newsroom.article.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.newsroom.article.domain.Photo;
import org.newsroom.article.model.LeadImage;
import org.newsroom.article.model.MediaView;
import org.newsroom.contracts.article.Media;
import org.newsroom.contracts.article.MediaType;

/** Which photo and which rendition are an article's lead image, and whose caption and credit a photo shows. */
class LeadImageTest {

    private static final UUID PHOTO = UUID.fromString("0193f0c4-0000-7000-8000-0000000000aa");

    private static MediaView.Rendition rendition(int width) {
        return new MediaView.Rendition("https://media.example/" + width + ".jpg", width, width * 3 / 4, "image/jpeg");
    }

    private static MediaView photo(MediaView.Rendition... renditions) {
        return new MediaView(MediaType.PHOTO, null, PHOTO, "说明", "刘坤 陈文卿", 4000, 3000, List.of(renditions));
    }

    @Test
    void theLeadImageIsThe1280RenditionOfTheFirstPhotoWithRenditions() {
        MediaView uri = new MediaView(MediaType.PHOTO, "https://example.org/a.jpg", null, null, null, null, null, null);
        MediaView unknown = new MediaView(MediaType.PHOTO, null, UUID.randomUUID(), null, null, null, null, null);
        assertThat(ArticleMapper.leadImage(List.of(uri, unknown, photo(rendition(320), rendition(1280),
                rendition(2048))))).contains(new LeadImage("https://media.example/1280.jpg", 1280, 960, "image/jpeg",
                        "说明", "刘坤 陈文卿"));
    }

    @Test
    void withoutA1280RenditionTheWidestNarrowerOneIsTakenOrElseTheNarrowest() {
        assertThat(ArticleMapper.leadImage(List.of(photo(rendition(320), rendition(1024), rendition(2048))))
                .map(LeadImage::width)).contains(1024);
        assertThat(ArticleMapper.leadImage(List.of(photo(rendition(2048), rendition(1600))))
                .map(LeadImage::width)).contains(1600);
        assertThat(ArticleMapper.leadImage(List.of())).isEmpty();
        assertThat(ArticleMapper.leadImage(null)).isEmpty();
    }

    @Test
    void aSubmissionsOwnCaptionAndCreditWinOverThePhotosAndUriItemsStayAsSubmitted() {
        Photo photo = new Photo();
        photo.id = PHOTO;
        photo.width = 4000;
        photo.height = 3000;
        photo.caption = "图片库的说明";
        photo.credit = "刘坤 陈文卿";
        photo.renditions = "[{\"url\":\"https://media.example/640.jpg\",\"width\":640,\"height\":480,"
                + "\"contentType\":\"image/jpeg\"},{\"url\":\"https://media.example/320.jpg\",\"width\":320,"
                + "\"height\":240,\"contentType\":\"image/jpeg\"}]";
        List<MediaView> views = ArticleMapper.media(List.of(new Media(MediaType.PHOTO, null, null, null, PHOTO),
                new Media(MediaType.PHOTO, null, "自己的说明", "本报记者", PHOTO),
                new Media(MediaType.GRAPHIC, "https://example.org/g.png", "图表", "本报制图")), Map.of(PHOTO, photo));
        assertThat(views.get(0)).isEqualTo(new MediaView(MediaType.PHOTO, null, PHOTO, "图片库的说明", "刘坤 陈文卿",
                4000, 3000, List.of(new MediaView.Rendition("https://media.example/320.jpg", 320, 240, "image/jpeg"),
                        new MediaView.Rendition("https://media.example/640.jpg", 640, 480, "image/jpeg"))));
        assertThat(views.get(1).caption()).isEqualTo("自己的说明");
        assertThat(views.get(1).credit()).isEqualTo("本报记者");
        assertThat(views.get(2)).isEqualTo(new MediaView(MediaType.GRAPHIC, "https://example.org/g.png", null, "图表",
                "本报制图", null, null, null));
    }
}
