/**
 * Azerbaijani messages. The terms are fixed in docs/glossary.md, from DOST's and the State
 * Statistical Committee's own Azerbaijani texts where they have one (mərkəz, filial, əhali, əhatə,
 * xidmət ərazisi, nəfər) and marked there where the word is our choice.
 */
import type { MessageKey } from './en.js';

export const az: Record<MessageKey, string> = {
  'common.center': 'mərkəz',
  'common.branch': 'filial',
  'common.any': 'hamısı',
  'common.centers': 'mərkəzlər',
  'common.branches': 'filiallar',
  'common.none': 'yoxdur',
  'common.and': 'və',
  'common.km': 'km',
  'common.min': 'dəq',
  'common.minutes': '{n} dəq',
  'common.people': 'nəfər',
  'common.year': 'il',
  'common.id': 'kod',
  'common.name': 'ad',
  'common.population': 'əhali',
  'common.covered': 'əhatə olunan',
  'common.share': 'pay',
  'common.facility': 'xidmət obyekti',
  'common.unit': 'inzibati vahid',
  'common.economic_region': 'iqtisadi rayon',
  'common.by_distance': 'məsafəyə görə',
  'common.by_assignment': 'xidmət ərazisinə görə',
  'common.basis.distance': 'məsafə',
  'common.basis.assignment': 'xidmət ərazisi',
  'common.basis.both': 'hər ikisi',
  'common.counted_in': '{name} ({unit} tərkibində sayılır)',
  'common.counted_by_units': '{name} (tərkibindəki vahidlər üzrə sayılır)',
  'common.district_of': '{capital}, {district} rayonu',

  'population.file': 'əhali: istifadəçinin faylı (öz rəqəmləri)',
  'population.resident':
    'əhalinin uçot əsası: faktiki yaşayış yeri (məcburi köçkünlər yaşadıqları yerdə sayılır; data/SOURCES.md)',
  'population.registered':
    'əhalinin uçot əsası: qeydiyyat (DSK de-yure: məcburi köçkünlər daimi yaşayış rayonunda sayılır)',
  'population.nearest_year': '(məlumatı olan ən yaxın il: {date} tarixinə əhali)',
  'model.geodesic': 'geodezik məsafə (WGS84 böyük dairə); yol müddəti {speed} km/saat sürətlə',
  'model.circuity': 'yol ≈ geodezik məsafə × {circuity} əyrilik əmsalı; yol müddəti {speed} km/saat sürətlə',
  'model.roads':
    'yol şəbəkəsi: {file}, {km} km yol, {profile} profili; yoldan kənar hərəkət {speed} km/saat sürətlə, {max} km-ədək',
  'model.profile_car': 'avtomobil',
  'model.profile_walk': 'piyada',
  'standards.one': 'Norma: {list}.',
  'standards.many': 'Normalar: {list}.',

  'coverage.title': '{year} ildə əhatə{note}; əhatə meyarı: {by}; xidmət obyektləri: {kind}',
  'coverage.model': 'Məsafə modeli: {model}. {standards}',
  'coverage.total': 'Cəmi: {population} nəfərdən {covered} nəfər əhatə olunub ({share})',

  'closing.how_made': 'Rəqəmlər necə hesablanıb',
  'closing.population_source': 'Əhali mənbəyi',
  'provenance.tool': 'proqram',
  'provenance.plan': 'plan',
  'provenance.year': 'il',
  'provenance.population': 'əhali',
  'provenance.distance_model': 'məsafə modeli',
  'provenance.standards': 'normalar',
  'provenance.source': 'mənbə',
  'provenance.official_population': '1 yanvar {years} tarixinə rəsmi rəqəmlər, uçot əsası: {basis}',
  'provenance.user_file': '{file} (istifadəçinin faylı)',
  'provenance.user_file_scaled': '{file} (istifadəçinin faylı, {year} rəsmi vahid əhalisinə uyğunlaşdırılıb)',
  'provenance.population_figures': 'Əhali rəqəmləri: {source}',
  'basis.resident': 'faktiki yaşayış yeri',
  'basis.registered': 'qeydiyyat',
};
