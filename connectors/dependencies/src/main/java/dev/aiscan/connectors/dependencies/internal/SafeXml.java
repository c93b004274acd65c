package dev.aiscan.connectors.dependencies.internal;

import java.io.InputStream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * StAX readers for manifests (POMs, MSBuild files, packages.config, Maven settings) that never
 * follow a DTD or an external entity: such a reference in a file is an error, not a read of a local
 * file or a request to a server.
 *
 * <p>One configured factory per thread: {@link XMLInputFactory#newFactory()} looks its
 * implementation up on the class path each time, which cost more than reading a small POM.
 */
public final class SafeXml {
  private static final ThreadLocal<XMLInputFactory> FACTORY =
      ThreadLocal.withInitial(SafeXml::newFactory);

  private SafeXml() {}

  public static XMLStreamReader reader(InputStream in) throws XMLStreamException {
    return FACTORY.get().createXMLStreamReader(in);
  }

  private static XMLInputFactory newFactory() {
    XMLInputFactory factory = XMLInputFactory.newFactory();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, false);
    factory.setXMLResolver(
        (publicId, systemId, baseUri, namespace) -> {
          throw new XMLStreamException("external entity refused: " + systemId);
        });
    return factory;
  }
}
