package org.rencontres.writing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;

/**
 * A browser's Yjs document without a browser, for tests: yjs (the server's bundle, the browsers' version)
 * writes blocks into the fragment "prosemirror" as y-prosemirror does, and each call gives the update that
 * a browser would send. One writer is one browser (its own client id); {@link #receive} applies another's.
 */
final class YjsWriter implements AutoCloseable {

    private static Engine engine;
    private static Source source;

    private final Context context;
    private final Value writer;
    private final Value bytesIn;
    private final Value bytesOut;

    private static synchronized Engine engine() {
        if (engine == null) {
            engine = Engine.newBuilder("js").option("engine.WarnInterpreterOnly", "false").build();
            try (InputStream in = YjsWriter.class.getClassLoader().getResourceAsStream(WritingEngine.BUNDLE)) {
                source = Source.newBuilder("js", new String(in.readAllBytes(), StandardCharsets.UTF_8), "yjs-server.js")
                        .build();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return engine;
    }

    YjsWriter() {
        context = Context.newBuilder("js").engine(engine())
                .allowHostAccess(HostAccess.newBuilder().allowBufferAccess(true).build()).build();
        context.eval(source);
        bytesIn = context.eval("js", "(b) => new Uint8Array(new ArrayBuffer(b))");
        bytesOut = context.eval("js", "(dst, src) => { new Uint8Array(new ArrayBuffer(dst)).set(src); }");
        writer = context.eval("js", """
                (() => {
                  const Y = RencontresYjs.Y;
                  const doc = new Y.Doc();
                  const fragment = doc.getXmlFragment('prosemirror');
                  let last = null;
                  doc.on('update', u => { last = last ? Y.mergeUpdates([last, u]) : u; });
                  // A ProseMirror-like node, {type, attrs, content} or {text, marks: [names]}, added to the
                  // parent first: Yjs types take their content once they are in the document.
                  const build = (parent, node) => {
                    const element = new Y.XmlElement(node.type);
                    parent.push([element]);
                    Object.entries(node.attrs || {}).forEach(([k, v]) => element.setAttribute(k, v));
                    let text = null;
                    (node.content || []).forEach(child => {
                      if (child.text !== undefined) {
                        if (!text) { text = new Y.XmlText(); element.push([text]); }
                        const marks = {};
                        (child.marks || []).forEach(m => { marks[m] = {}; });
                        text.insert(text.length, child.text, marks);
                      } else {
                        text = null;
                        build(element, child);
                      }
                    });
                  };
                  const take = () => { const u = last; last = null; return u || new Uint8Array([0, 0]); };
                  return {
                    append(json) { doc.transact(() => build(fragment, JSON.parse(json))); return take(); },
                    /** Types at the end of the last block's text, as a keystroke would. */
                    type(text) {
                      const block = fragment.get(fragment.length - 1);
                      const t = block.get(block.length - 1);
                      t.insert(t.length, text);
                      return take();
                    },
                    receive(update) { Y.applyUpdate(doc, update, 'remote'); last = null; },
                    state() { return Y.encodeStateAsUpdate(doc); },
                    text() { return fragment.toString(); }
                  };
                })()""");
    }

    private byte[] out(Value uint8) {
        byte[] bytes = new byte[(int) uint8.getArraySize()];
        bytesOut.execute(ByteBuffer.wrap(bytes), uint8);
        return bytes;
    }

    /** Appends a block given as ProseMirror-like JSON; the update that makes it. */
    byte[] append(String json) {
        return out(writer.invokeMember("append", json));
    }

    byte[] paragraph(String text) {
        return append("{\"type\":\"paragraph\",\"content\":[{\"text\":" + quote(text) + "}]}");
    }

    byte[] heading(int level, String text) {
        return append("{\"type\":\"heading\",\"attrs\":{\"level\":" + level + "},\"content\":[{\"text\":" + quote(text) + "}]}");
    }

    byte[] type(String text) {
        return out(writer.invokeMember("type", text));
    }

    void receive(byte[] update) {
        writer.invokeMember("receive", bytesIn.execute(ByteBuffer.wrap(update)));
    }

    byte[] state() {
        return out(writer.invokeMember("state"));
    }

    static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    @Override
    public void close() {
        context.close();
    }
}
