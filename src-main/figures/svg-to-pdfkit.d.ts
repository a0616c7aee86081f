// svg-to-pdfkit 0.1.8 ships no types; this covers the part of its API Parley calls.
declare module 'svg-to-pdfkit' {
  interface SvgToPdfFontOptions {
    fauxBold?: boolean;
    fauxItalic?: boolean;
  }
  interface SvgToPdfOptions {
    width?: number;
    height?: number;
    preserveAspectRatio?: string;
    /** Treat SVG user units as PDF points instead of CSS pixels (96 per inch). */
    assumePt?: boolean;
    precision?: number;
    fontCallback?: (
      family: string,
      isBold: boolean,
      isItalic: boolean,
      fontOptions: SvgToPdfFontOptions,
    ) => string;
    warningCallback?: (message: string) => void;
  }
  function SVGtoPDF(
    doc: PDFKit.PDFDocument,
    svg: string,
    x?: number,
    y?: number,
    options?: SvgToPdfOptions,
  ): void;
  export default SVGtoPDF;
}
