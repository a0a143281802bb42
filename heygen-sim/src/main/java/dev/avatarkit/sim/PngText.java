package dev.avatarkit.sim;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Optional;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import org.w3c.dom.Node;

/** PNG {@code tEXt} chunks through the JDK's own ImageIO PNG plugin (metadata format {@code javax_imageio_png_1.0}). */
final class PngText {
    private static final String FORMAT = "javax_imageio_png_1.0";

    private PngText() {}

    static byte[] encode(BufferedImage img, String keyword, String value) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
        try (ByteArrayOutputStream out = new ByteArrayOutputStream();
                ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
            IIOMetadata metadata =
                    writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(img), null);
            IIOMetadataNode entry = new IIOMetadataNode("tEXtEntry");
            entry.setAttribute("keyword", keyword);
            entry.setAttribute("value", value);
            IIOMetadataNode text = new IIOMetadataNode("tEXt");
            text.appendChild(entry);
            IIOMetadataNode root = new IIOMetadataNode(FORMAT);
            root.appendChild(text);
            metadata.mergeTree(FORMAT, root);
            writer.setOutput(stream);
            writer.write(new IIOImage(img, null, metadata));
            stream.flush();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
    }

    static Optional<String> read(byte[] png, String keyword) {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(png))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) return Optional.empty();
            ImageReader reader = readers.next();
            try {
                reader.setInput(in);
                Node root = reader.getImageMetadata(0).getAsTree(FORMAT);
                for (Node chunk = root.getFirstChild(); chunk != null; chunk = chunk.getNextSibling()) {
                    if (!"tEXt".equals(chunk.getNodeName())) continue;
                    for (Node e = chunk.getFirstChild(); e != null; e = e.getNextSibling()) {
                        IIOMetadataNode entry = (IIOMetadataNode) e;
                        if (keyword.equals(entry.getAttribute("keyword")))
                            return Optional.of(entry.getAttribute("value"));
                    }
                }
                return Optional.empty();
            } finally {
                reader.dispose();
            }
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
