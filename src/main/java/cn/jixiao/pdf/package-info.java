/**
 * The published report as PDF: LibreOffice through JODConverter, and the cache of converted files.
 *
 * <p>Uses nothing of the application.
 */
package cn.jixiao.pdf;
