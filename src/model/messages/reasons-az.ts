/** The Azerbaijani reasons written by libraries said again in our words, and positions written as words (keys reason.* and where.*) (reasons-en.ts has the keys). */
import type { reasonsEn } from './reasons-en.js';

export const reasonsAz: Record<keyof typeof reasonsEn, string> = {
  'where.list': '{a}, {b}',
  'where.request_body': 'sorğunun mətni',
  'where.in_file': '{file}: {where}',
  'where.at': '{where}: {problem}',
  'where.sheet_cell': '{sheet} vərəqi, sətir {row}, sütun {column}',
  'where.sheet_row': '{sheet} vərəqi, sətir {row}',
  'where.layer_cell': 'qat {layer} (cəmi {layers} qat), sətir {row}, {column} sütunu',
  'where.feature': '{index} indeksli obyekt (features[{index}]{rest})',
  'reason.unknown': 'məzmunu deşifrə edilə bilmədi',
  'reason.tiff.not_tiff': 'faylın əvvəlində TIFF başlığı yoxdur',
  'reason.tiff.past_end': 'məlumatları vaxtından əvvəl bitir və ya faylın sonundan kənara düşür; fayl tamdırmı?',
  'reason.tiff.unsupported':
    'dostplan-ın oxuya bilmədiyi sıxılma və ya xana növü; onu sıxılmamış və ya DEFLATE ilə sıxılmış GeoTIFF kimi saxlayın (gdal_translate -co COMPRESS=DEFLATE)',
  'reason.tiff.layout': 'dostplan-ın oxuya bilmədiyi piksel quruluşu (ədədlərdən ibarət bir zolaq gözlənilir)',
  'reason.tiff.geokeys': 'GeoTIFF açarları oxuna bilmir',
  'reason.tiff.damaged_block': 'xanalardan ibarət blok açılmır: fayl zədələnib',
  'reason.xml.cut_short': 'fayl elementləri bağlanmadan bitir; fayl tamdırmı?',
  'reason.xml.closing_tag': 'bağlayan teq bağladığı elementə uyğun gəlmir',
  'reason.xml.attribute': 'atribut düzgün yazılmayıb (hər biri bir dəfə, ad="dəyər" şəklində yazılır)',
  'reason.xml.entity': 'naməlum və ya səhv yazılmış simvol istinadı (& işarəsini &amp; kimi yazın)',
  'reason.xml.root': 'bütün sənədi əhatə edən tək kök element yoxdur',
  'reason.xml.tag': 'teq adında icazə verilməyən simvol var',
  'reason.xml.comment': 'şərh düzgün yazılmayıb (<!-- --> içində --)',
  'reason.xml.declaration': 'XML bəyannaməsi düzgün yazılmayıb (ən əvvəldə <?xml version="1.0"?> olmalıdır)',
  'reason.xml.character': 'XML-də icazə verilməyən simvol var',
  'reason.json.expected': 'burada {expected} gözlənilirdi',
  'reason.sqlite.not_database': 'fayl verilənlər bazası deyil',
  'reason.sqlite.malformed': 'verilənlər bazasının disk təsviri zədələnib',
  'reason.sqlite.memory': 'yaddaş çatmır',
};
